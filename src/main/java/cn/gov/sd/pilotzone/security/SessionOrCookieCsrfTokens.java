package cn.gov.sd.pilotzone.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens in the session when there is one, otherwise in an HttpOnly cookie: an anonymous visit to the login
 * page (whose form carries a token) then creates no server session, so anonymous clients cannot pile up sessions
 * (docs/security.md). The check is the same either way: the form's token must match the stored one, which a forged
 * cross-site request cannot read.
 */
class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

    SessionOrCookieCsrfTokens() {
        cookie.setCookieCustomizer(c -> c.sameSite("Lax"));
        // One header name whichever store holds the token (the cookie store's default is X-XSRF-TOKEN)
        cookie.setHeaderName("X-CSRF-TOKEN");
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            session.saveToken(token, request, response);
        } else {
            cookie.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        CsrfToken inSession = request.getSession(false) == null ? null : session.loadToken(request);
        return inSession != null ? inSession : cookie.loadToken(request);
    }
}
