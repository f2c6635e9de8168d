package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every page renders for every kind of account, in Chinese and in English (no template error hides behind a role
 * or a language), and the language rules hold: pages Chinese unless chosen, the API Chinese unless asked.
 */
@HubIntegrationTest
@Import(HubClient.class)
class UiPagesIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    HubClient hub;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPageRendersForEveryRoleInBothLanguages() {
        AwardFixtures.Filed app = new AwardFixtures(hub).file("370705");
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(app.applicationId()).singleResult()
                .getId();
        List<String> failures = new ArrayList<>();
        for (String user : List.of("admin", "supervisor", "gxj", "czj", "county-370705", "fgw")) {
            List<String> paths = new ArrayList<>(List.of("/tasks", "/tasks/done", "/applications", "/zones",
                    "/notices",
                    "/tasks?overdue=true&sort=DUE&dir=asc&assignment=MINE&policy=" + AwardFixtures.POLICY,
                    "/applications?status=IN_REVIEW&county=370705"));
            if (!user.startsWith("county-")) {
                paths.add("/zones/weifang"); // a county's clerk is in no zone's plan: "not found", like the API
            }
            if (user.equals("admin") || user.equals("supervisor")) {
                paths.add("/dashboard");
                paths.add("/supervision");
                paths.add("/supervision?overdueOnly=true&zone=weifang&bureau=gxj&process=pilotZoneLifecycle");
            }
            if (user.equals("admin") || user.equals("supervisor") || user.equals("gxj") || user.equals("county-370705")) {
                paths.add("/applications/" + app.applicationId());
            }
            if (user.equals("county-370705") || user.equals("admin")) {
                paths.add("/tasks/" + taskId);
            }
            for (String lang : List.of("zh-CN", "en")) {
                for (String path : paths) {
                    ResponseEntity<String> page = get(user, path, lang);
                    if (page.getStatusCode() != HttpStatus.OK || page.getBody() == null
                            || page.getBody().contains("error-page")) {
                        failures.add(user + " " + lang + " " + path + " → " + page.getStatusCode());
                    } else if (!page.getBody().contains(lang.equals("en") ? "lang=\"en\"" : "lang=\"zh-CN\"")) {
                        failures.add(user + " " + lang + " " + path + " in the wrong language");
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Every application is on exactly one page (a page of 20 asked for 21 rows and skipped the 21st). */
    @Test
    void theApplicationListShowsEveryApplicationOnceAcrossItsPages() {
        // more than a page, whatever the other tests filed before
        while (jdbc.queryForObject("SELECT COUNT(*) FROM award_application", Integer.class) <= 21) {
            new AwardFixtures(hub).file("370705");
        }
        List<String> shown = new ArrayList<>();
        Pattern row = Pattern.compile("data-application-id=\"([^\"]+)\"");
        for (int page = 0; page < 100; page++) {
            String body = get("admin", "/applications?page=" + page, "zh-CN").getBody();
            Matcher m = row.matcher(body);
            while (m.find()) {
                shown.add(m.group(1));
            }
            if (!body.contains("id=\"page-next\"")) {
                break;
            }
        }
        List<String> all = jdbc.queryForList("SELECT application_id FROM award_application", String.class);
        assertThat(all.size()).as("more than one page").isGreaterThan(20);
        assertThat(shown).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void casePageShowsTheApplicationItsStepsAndTheDiagram() {
        AwardFixtures.Filed app = new AwardFixtures(hub).file("370705");

        String page = get("gxj", "/applications/" + app.applicationId(), "zh-CN").getBody();

        assertThat(page).contains(app.enterpriseName(), "国家级制造业单项冠军奖励", "800,000.00 元", "80.00 万元",
                "data-step=\"submitted\"", "data-step=\"automatedChecks\"", "自动校验", "/diagram.png\"");
        // the history in words: who by name, the channel and decisions spelled out, no raw codes
        assertThat(page).contains("系统自动", "企业申报").doesNotContain(">APPLY<", ">system<");
        // every automated check with its result, and the enterprise's 亩产效益 class
        assertThat(page).contains("id=\"app-checks\"", "统一社会信用代码有效", "无有效失信记录", "收款账户齐全",
                "id=\"app-mu-class\"", "亩产效益评价");
        assertThat(page.split("data-check=").length - 1).isEqualTo(7);
    }

    @Test
    void clerksGetNoDashboard() {
        assertThat(get("gxj", "/dashboard", "zh-CN").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("county-370705", "/api/dashboard", "zh-CN").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/dashboard", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anotherCountysApplicationIsNotFound() {
        AwardFixtures.Filed app = new AwardFixtures(hub).file("370705");

        assertThat(get("county-370702", "/applications/" + app.applicationId(), "zh-CN").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("fgw", "/applications/" + app.applicationId(), "zh-CN").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void loginPageIsChineseUntilEnglishIsChosenAndRemembered() {
        HttpHeaders english = new HttpHeaders();
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9");
        ResponseEntity<String> plain = rest.exchange("/login", HttpMethod.GET, new HttpEntity<>(english), String.class);
        assertThat(plain.getBody()).contains("登 录").doesNotContain("Log in<");

        ResponseEntity<String> chosen = rest.exchange("/login?lang=en", HttpMethod.GET, new HttpEntity<>(english),
                String.class);
        assertThat(chosen.getBody()).contains(">Log in<");
        String cookie = chosen.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith(HubLocaleResolver.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).startsWith(HubLocaleResolver.COOKIE + "=en");

        HttpHeaders withCookie = new HttpHeaders();
        withCookie.set(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')));
        assertThat(rest.exchange("/login", HttpMethod.GET, new HttpEntity<>(withCookie), String.class).getBody())
                .contains(">Log in<");
    }

    @Test
    void apiAnswersInChineseUnlessAskedOtherwise() {
        AwardFixtures.Filed app = new AwardFixtures(hub).file("370705");
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(app.applicationId()).singleResult()
                .getId();
        String path = "/api/tasks/" + taskId + "/complete";

        HttpHeaders json = new HttpHeaders();
        json.set(HttpHeaders.CONTENT_TYPE, "application/json");
        ResponseEntity<String> chinese = rest.withBasicAuth("county-370705", AwardFixtures.PASSWORD)
                .exchange(path, HttpMethod.POST, new HttpEntity<>("{}", json), String.class);
        assertThat(chinese.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(chinese.getBody()).contains("必填");

        json.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        ResponseEntity<String> english = rest.withBasicAuth("county-370705", AwardFixtures.PASSWORD)
                .exchange(path + "?lang=zh", HttpMethod.POST, new HttpEntity<>("{}", json), String.class);
        assertThat(english.getBody()).contains("required").doesNotContain("必填");
    }

    private ResponseEntity<String> get(String user, String path, String lang) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, lang);
        headers.set(HttpHeaders.ACCEPT, "text/html");
        return rest.withBasicAuth(user, AwardFixtures.PASSWORD)
                .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
