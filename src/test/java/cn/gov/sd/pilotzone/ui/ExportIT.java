package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/** The Excel exports (task lists, the award ledger): real XLSX, headers in the caller's language, rows scoped like the pages. */
@HubIntegrationTest
@Import(HubClient.class)
class ExportIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    HubClient hub;

    @Autowired
    TaskService taskService;

    @Test
    void taskListExportHasTheFilteredTasksWithAmountsAsNumbers() throws IOException {
        AwardFixtures.Filed app = new AwardFixtures(hub).file("370705");

        List<List<Object>> rows = sheet(get("county-370705",
                "/export/tasks.xlsx?policy=" + AwardFixtures.POLICY + "&county=370705", "zh-CN"));

        assertThat(rows.get(0)).contains("任务", "业务编号", "企业名称", "金额", "金额（万元）", "办理时限");
        List<Object> row = rows.stream().filter(r -> r.contains(app.applicationId())).findFirst().orElseThrow();
        assertThat(row).contains("区县初审", app.enterpriseName(), app.uscc(), "奎文区", 800000.0, 80.0);
        assertThat(sheet(get("county-370702", "/export/tasks.xlsx", "zh-CN")))
                .noneMatch(r -> r.contains(app.applicationId()));
    }

    @Test
    void headersFollowTheLanguage() throws IOException {
        assertThat(sheet(get("gxj", "/export/tasks.xlsx", "en")).get(0)).contains("Task", "Case", "Due");
    }

    @Test
    void ledgerExportListsReservedAwardsWithTheirApplications() throws IOException {
        AwardFixtures.Filed app = new AwardFixtures(hub).file("370705");

        List<List<Object>> rows = sheet(get("gxj", "/export/ledger.xlsx", "zh-CN"));

        assertThat(rows.get(0)).contains("申请编号", "统一社会信用代码", "台账状态", "已拨付（万元）");
        List<Object> row = rows.stream().filter(r -> r.contains(app.applicationId())).findFirst().orElseThrow();
        assertThat(row).contains(app.uscc(), app.enterpriseName(), "SINGLE_CHAMPION_NATIONAL", 2024.0,
                "已登记（办理中）", "审核中", 800000.0);
        assertThat(sheet(get("county-370702", "/export/ledger.xlsx", "zh-CN")))
                .noneMatch(r -> r.contains(app.applicationId()));
        assertThat(sheet(get("county-370705", "/export/ledger.xlsx", "zh-CN")))
                .anyMatch(r -> r.contains(app.applicationId()));
    }

    @Test
    void overdueExportHasTasksPastTheirDueDateForSupervisorsAndTheirBureau() throws IOException {
        AwardFixtures.Filed late = new AwardFixtures(hub).file("370705");
        AwardFixtures.Filed onTime = new AwardFixtures(hub).file("370705");
        String lateTask = taskService.createTaskQuery().processInstanceBusinessKey(late.applicationId()).singleResult()
                .getId();
        taskService.setDueDate(lateTask, Date.from(Instant.now().minus(3, ChronoUnit.DAYS).minusSeconds(60)));

        List<List<Object>> supervisor = sheet(get("supervisor", "/export/overdue.xlsx", "zh-CN"));

        List<Object> row = supervisor.stream().filter(r -> r.contains(late.applicationId())).findFirst().orElseThrow();
        assertThat(row).contains("区县初审", "奎文区工信局", 3.0);
        assertThat(supervisor).noneMatch(r -> r.contains(onTime.applicationId()));
        assertThat(sheet(get("county-370705", "/export/overdue.xlsx", "zh-CN")))
                .anyMatch(r -> r.contains(late.applicationId()));
        assertThat(sheet(get("county-370702", "/export/overdue.xlsx", "zh-CN")))
                .noneMatch(r -> r.contains(late.applicationId()));
    }

    private ResponseEntity<byte[]> get(String user, String path, String lang) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, lang);
        ResponseEntity<byte[]> r = rest.withBasicAuth(user, AwardFixtures.PASSWORD)
                .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType()).isEqualTo(ExcelSheet.XLSX);
        assertThat(r.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
        return r;
    }

    /** The first sheet as rows of cell values: strings, numbers as doubles, dates as LocalDateTime. */
    private static List<List<Object>> sheet(ResponseEntity<byte[]> response) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = book.getSheetAt(0);
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<Object> values = new ArrayList<>();
                for (Cell cell : row) {
                    values.add(cell.getCellType() == CellType.NUMERIC
                            ? (DateUtil.isCellDateFormatted(cell)
                               ? cell.getLocalDateTimeCellValue() : cell.getNumericCellValue())
                            : cell.getStringCellValue());
                }
                rows.add(values);
            }
            return rows;
        }
    }
}
