package cn.gov.sd.pilotzone.ui;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Two audiences, two rules. API clients ({@code /api/**}, {@code /process-api/**}, anything with an Authorization
 * header) get Chinese unless their Accept-Language asks otherwise. People in the browser get Chinese unless they
 * chose English with {@code ?lang=en}, which a cookie remembers: an English-language browser in a government
 * office is common and should not switch the clerks' pages on its own.
 */
class HubLocaleResolver implements LocaleResolver {

    static final String COOKIE = "HUB_LANG";

    private final AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
    private final CookieLocaleResolver pages = new CookieLocaleResolver(COOKIE);

    HubLocaleResolver(Locale defaultLocale) {
        api.setDefaultLocale(defaultLocale);
        pages.setDefaultLocale(defaultLocale);
        pages.setCookieMaxAge(Duration.ofDays(365));
        pages.setCookieSameSite("Lax");
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return isApi(request) ? api.resolveLocale(request) : pages.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (!isApi(request)) {
            pages.setLocale(request, response, locale);
        }
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/process-api/")
                || path.startsWith("/actuator/") || request.getHeader("Authorization") != null;
    }
}
