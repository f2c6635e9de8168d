package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class HubLocaleResolverTest {

    final HubLocaleResolver resolver = new HubLocaleResolver(Locale.SIMPLIFIED_CHINESE);

    @Test
    void apiFollowsAcceptLanguageAndDefaultsToChinese() {
        assertThat(resolver.resolveLocale(request("/api/tasks", null))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(resolver.resolveLocale(request("/api/tasks", "en-US")).getLanguage()).isEqualTo("en");
        MockHttpServletRequest basic = request("/export/tasks.xlsx", "en");
        basic.addHeader("Authorization", "Basic eDp5");
        assertThat(resolver.resolveLocale(basic).getLanguage()).isEqualTo("en");
    }

    @Test
    void pagesIgnoreTheBrowsersLanguageUntilTheUserChooses() {
        assertThat(resolver.resolveLocale(request("/tasks", "en-US"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);

        MockHttpServletRequest choose = request("/tasks", "zh-CN");
        MockHttpServletResponse response = new MockHttpServletResponse();
        resolver.setLocale(choose, response, Locale.ENGLISH);
        Cookie cookie = response.getCookie(HubLocaleResolver.COOKIE);
        assertThat(cookie).isNotNull();

        MockHttpServletRequest next = request("/tasks", "zh-CN");
        next.setCookies(cookie);
        assertThat(resolver.resolveLocale(next)).isEqualTo(Locale.ENGLISH);
    }

    private static MockHttpServletRequest request(String path, String acceptLanguage) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", path);
        if (acceptLanguage != null) {
            r.addHeader("Accept-Language", acceptLanguage);
        }
        return r;
    }
}
