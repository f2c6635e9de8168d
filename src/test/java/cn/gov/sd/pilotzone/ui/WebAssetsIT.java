package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Static assets: addressed by content hash, cached for a year, sent compressed; the favicon is there. */
@HubIntegrationTest
@Import(HubClient.class) // the shared context
class WebAssetsIT {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void stylesAndScriptsAreVersionedCachedAndCompressedAndTheFaviconIsServed() throws Exception {
        String login = get("/login", false).body();
        Matcher css = Pattern.compile("href=\"(/assets/css/hub-[0-9a-f]{32}\\.css)\"").matcher(login);
        assertThat(css.find()).as("the page links the style sheet by its content hash: %s", login).isTrue();
        // webjars keep their own addresses (the version is in the jar, not the path)
        Matcher bootstrap = Pattern.compile("href=\"(/webjars/bootstrap/[^\"]+\\.css)\"").matcher(login);
        assertThat(bootstrap.find()).as(login).isTrue();

        for (String asset : new String[] {css.group(1), bootstrap.group(1)}) {
            HttpResponse<String> r = get(asset, true);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).as(asset).hasValueSatisfying(v ->
                    assertThat(v).contains("max-age=31536000", "public").doesNotContain("no-cache", "no-store"));
            assertThat(r.headers().firstValue("Content-Encoding")).as(asset).contains("gzip");
        }
        assertThat(get("/login", true).headers().firstValue("Content-Encoding")).contains("gzip");

        HttpResponse<String> icon = get("/favicon.ico", false);
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("icon"));
        Matcher linked = Pattern.compile("rel=\"icon\"[^>]*href=\"([^\"]+)\"").matcher(login);
        assertThat(linked.find()).isTrue();
        assertThat(get(linked.group(1), false).statusCode()).as(linked.group(1)).isEqualTo(200);
    }

    @Autowired
    ResourceUrlProvider resources;

    @Test
    void aPagesOwnLinksAreNotLookedUpAsStaticFiles() {
        // under "/**" each link of every page (/applications/…, /tasks/…) was looked for on the class path first
        assertThat(resources.getHandlerMap().keySet()).doesNotContain("/**").contains("/assets/**", "/webjars/**");
        assertThat(resources.getForLookupPath("/applications/APP-1")).isNull();
    }

    private HttpResponse<String> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
