package cn.gov.sd.pilotzone.ui;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The language of pages and API answers (see {@link HubLocaleResolver}); {@code ?lang=en|zh} switches pages. */
@Configuration(proxyBeanMethods = false)
class UiWebConfig implements WebMvcConfigurer {

    /** Named {@code localeResolver}: Spring Boot then leaves out its own (spring.web.locale-resolver). */
    @Bean
    LocaleResolver localeResolver(@Value("${spring.web.locale:zh_CN}") Locale defaultLocale) {
        return new HubLocaleResolver(defaultLocale);
    }

    /** Browsers ask for /favicon.ico at the root whatever a page links; the other static files are under /assets/. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang).excludePathPatterns("/api/**");
    }
}
