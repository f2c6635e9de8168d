package cn.gov.sd.pilotzone.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.gov.sd.pilotzone.FeedFiles;
import cn.gov.sd.pilotzone.award.Applications;
import cn.gov.sd.pilotzone.registry.TestUscc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bad inbound files of issue 6, over all seven inbound feeds: each kind with its feed, file name, content, what
 * the hub must do with it and the specific reason it must give. Small text files are in
 * {@code src/test/resources/bad-inputs/}; big, binary and generated ones are made here.
 * <p>
 * Outcomes: {@link Outcome#REJECTED} — the file goes to {@code error/<feed>/}, its {@code .error.txt} says
 * "文件被拒收 / File rejected" with the reason, and nothing of it is applied (the file's rows go in one transaction).
 * {@link Outcome#ROWS_SKIPPED} — the feeds whose rows are independent (recognition-lists: one award per row;
 * operation-data: one enterprise-month per row) archive the file, apply its good rows and list each bad row by line
 * in {@code error/<feed>/<file>.error.txt}; the bad rows are not applied.
 */
public final class BadInputCorpus {

    public enum Outcome { REJECTED, ROWS_SKIPPED }

    /**
     * One kind of bad file. {@code applied}: rows of it that must be applied (only good rows of a ROWS_SKIPPED file);
     * {@code absent}: keys that must not exist afterwards (application ids, uscc, uscc|period).
     */
    public record BadInput(String kind, String feed, String fileName, byte[] content, Outcome outcome,
                           List<String> reasons, int applied, List<String> absent) {

        @Override
        public String toString() {
            return feed + ": " + kind;
        }
    }

    /** Values made by the test before the corpus: an application already filed, a payment waiting for its receipt. */
    public record Fixtures(String filedApplicationId, byte[] filedApplication, String issuedPaymentId) {
    }

    static final String AWARDS = "award-applications";
    static final String RECOGNITION = "recognition-lists";
    static final String ENTERPRISES = "enterprises";
    static final String CREDIT = "credit-records";
    static final String OPERATION = "operation-data";
    static final String PROGRESS = "progress-reports";
    static final String RECEIPTS = "payment-receipts";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTERPRISE_HEADER = "uscc,enterprise_name,county_code";
    private static final String CREDIT_HEADER = "uscc,enterprise_name,record_type,listed_on,removed_on";
    private static final String OPERATION_HEADER = "uscc,period,revenue,profit,electricity_kwh,tax";
    private static final String RECOGNITION_HEADER = "uscc,enterprise_name,policy_code,recognized_on";
    private static final String RECEIPT_HEADER = "payment_id,status,paid_on,bank_reference,message";

    private final List<BadInput> all = new ArrayList<>();
    private final Fixtures fixtures;
    private final long maxFileSize;

    private BadInputCorpus(Fixtures fixtures, long maxFileSize) {
        this.fixtures = fixtures;
        this.maxFileSize = maxFileSize;
    }

    public static List<BadInput> all(Fixtures fixtures, long maxFileSize) {
        BadInputCorpus c = new BadInputCorpus(fixtures, maxFileSize);
        c.awardApplications();
        c.fileNames();
        c.enterprises();
        c.creditRecords();
        c.operationData();
        c.recognitionLists();
        c.progressReports();
        c.paymentReceipts();
        c.spreadsheets();
        return List.copyOf(c.all);
    }

    // ---- award-applications: JSON (XML accepted), one application per file ----

    private void awardApplications() {
        rejected("empty file", AWARDS, "empty.json", new byte[0], "the file is empty");
        String id = Applications.newId();
        rejectedApplication("truncated JSON", AWARDS, id + "-truncated.json", resource("truncated.json", id), id,
                "malformed document");
        rejected("JSON array where an object is expected", AWARDS, "array.json",
                json(List.of(Applications.fresh("STANDARD_NATIONAL"))), "must be one application object");
        rejected("deeply nested JSON", AWARDS, "deep.json", deeplyNested(5000), "nested too deeply");
        id = Applications.newId();
        rejectedApplication("GBK text in a JSON file", AWARDS, id + "-gbk.json",
                application(id, Map.of()).getBytes(FeedFiles.GB18030), id, "must be UTF-8 text");
        id = Applications.newId();
        rejectedApplication("UTF-16 JSON", AWARDS, id + "-utf16.json", utf16(application(id, Map.of())), id,
                "must be UTF-8 text", "UTF-16");
        id = Applications.newId();
        rejectedApplication("XXE external entity", AWARDS, id + "-xxe.xml", resource("xxe.xml", id), id, "XXE protection");
        id = Applications.newId();
        rejectedApplication("billion laughs", AWARDS, id + "-lol.xml", resource("billion-laughs.xml", id), id, "XXE protection");
        id = Applications.newId();
        rejectedApplication("DOCTYPE with an external DTD", AWARDS, id + "-dtd.xml", resource("doctype-external-dtd.xml", id),
                id, "DOCTYPE");
        usccKind("USCC with a wrong check character", "91370705MAAY4CL12Y", "wrong check character");
        usccKind("USCC of 17 characters", "91370705MAAY4CL12", "a unified social credit code has 18 characters");
        usccKind("USCC with letters a USCC never has (I, O, S, V, Z)", "91370705MAAY4CLIOZ", "contains a character not allowed");
        awardKind("negative money", Map.of("amounts", Map.of("equipmentInvestment", -1000)), "amounts.equipmentInvestment",
                "must not be negative");
        awardKind("absurd money (1e20)", Map.of("amounts", Map.of("equipmentInvestment", new BigDecimal("1E+20"))),
                "the amount must be below");
        awardKind("money with more than 2 decimals", Map.of("amounts", Map.of("equipmentInvestment", new BigDecimal("100.005"))),
                "at most 2 decimal places");
        awardKind("NaN / Infinity as money", Map.of("amounts", Map.of("equipmentInvestment", "Infinity", "insurancePremium", "NaN")),
                "not a number: Infinity", "not a number: NaN");
        awardKind("date in 1900", Map.of("eventDate", "1900-01-01"), "date out of range: 1900-01-01");
        awardKind("impossible date 2024-02-30", Map.of("eventDate", "2024-02-30"), "not a date (yyyy-MM-dd): 2024-02-30");
        awardKind("unknown policy code", Map.of("policyCode", "FREE_MONEY"), "unknown policy code: FREE_MONEY");
        awardKind("unknown county", Map.of("countyCode", "110101"), "unknown county code: 110101");
        awardKind("unknown field", Map.of("bonus", "yes"), "bonus: unknown field");
        awardKind("formula in the enterprise name", Map.of("enterpriseName", "=HYPERLINK(\"http://x\",\"点我\")"),
                "enterpriseName: starts like a spreadsheet formula");
        rejected("duplicate applicationId under another file name", AWARDS,
                fixtures.filedApplicationId() + "-resent.json", fixtures.filedApplication(),
                "application " + fixtures.filedApplicationId() + " is already known");
    }

    private void usccKind(String kind, String uscc, String reason) {
        String id = Applications.newId();
        rejectedApplication(kind, AWARDS, id + ".json", application(id, Map.of("uscc", uscc)).getBytes(StandardCharsets.UTF_8), id,
                "uscc: " + reason);
    }

    private void awardKind(String kind, Map<String, Object> changes, String... reasons) {
        String id = Applications.newId();
        rejectedApplication(kind, AWARDS, id + ".json", application(id, changes).getBytes(StandardCharsets.UTF_8), id, reasons[0],
                Arrays.copyOfRange(reasons, 1, reasons.length));
    }

    // ---- names: whatever a file system allows inside the inbox folder ----

    private void fileNames() {
        String id = Applications.newId();
        byte[] good = application(id, Map.of()).getBytes(StandardCharsets.UTF_8);
        rejectedApplication("Windows path components in the name", AWARDS, "reports\\..\\..\\" + id + ".json", good, id,
                "the file name contains a path");
        id = Applications.newId();
        rejectedApplication("drive letter in the name", AWARDS, "C:" + id + ".json", application(id, Map.of())
                .getBytes(StandardCharsets.UTF_8), id, "the file name contains a path");
        id = Applications.newId();
        rejectedApplication("newline in the name (forges a report line)", AWARDS, id + "\nrows applied: 1.json",
                application(id, Map.of()).getBytes(StandardCharsets.UTF_8), id, "control or invisible", "U+000A");
        id = Applications.newId();
        rejectedApplication("right-to-left override in the name", AWARDS, id + "\u202Enosj.exe",
                application(id, Map.of()).getBytes(StandardCharsets.UTF_8), id, "U+202E");
        id = Applications.newId();
        rejectedApplication("name of 200 characters", AWARDS, id + "x".repeat(195 - id.length()) + ".json",
                application(id, Map.of()).getBytes(StandardCharsets.UTF_8), id, "the file name is too long");
        // 81 Chinese characters are 247 bytes: a legal Linux name, but no room for the lock file or the time stamp
        rejected("Chinese name of 247 bytes", ENTERPRISES, "潍坊市".repeat(27) + ".csv",
                utf8(ENTERPRISE_HEADER, TestUscc.next("370705") + ",潍坊甲公司,370705"), "the file name is too long");
        // legal names, judged by their content
        rejected("Chinese name of 184 bytes, header only", ENTERPRISES, "潍坊市".repeat(20) + ".csv",
                utf8(ENTERPRISE_HEADER), "header but no data rows");
        // a leading dash and spaces are legal names (clerks use them): the file is judged by its content
        rejected("leading dash and spaces in the name, header only", ENTERPRISES, "-rf 企业 名单 .csv",
                utf8(ENTERPRISE_HEADER), "header but no data rows");
    }

    // ---- enterprises: one bad row rejects the file ----

    private void enterprises() {
        String good = TestUscc.next("370705");
        rejected("binary garbage named .csv", ENTERPRISES, "garbage.csv", garbage(4096), "the file is binary");
        rejected("UTF-16 CSV (Excel \"Unicode text\")", ENTERPRISES, "unicode.csv",
                utf16(ENTERPRISE_HEADER + "\n" + good + ",潍坊甲公司,370705\n"), "UTF-16/UTF-32", good);
        byte[] latin1 = (ENTERPRISE_HEADER + "\n" + good + ",Soci\u00e9t\u00e9 \u00e0 \u00ff,370705\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        rejected("bytes that are neither UTF-8 nor GB18030", ENTERPRISES, "latin1.csv", latin1, "not valid text in",
                good);
        rejected("missing required column", ENTERPRISES, "no-county.csv",
                utf8("uscc,enterprise_name", good + ",潍坊甲公司"), "county_code: required column missing", good);
        rejected("unknown column", ENTERPRISES, "ceo.csv",
                utf8(ENTERPRISE_HEADER + ",ceo", good + ",潍坊甲公司,370705,张三"), "ceo: unknown column", good);
        rejected("unbalanced quotes", ENTERPRISES, "quotes.csv", resource("unbalanced-quotes.csv", null),
                "malformed CSV");
        String second = TestUscc.next("370705");
        rejected("formula injection cells (=cmd|…, @SUM)", ENTERPRISES, "formula.csv",
                resource("formula-injection.csv", null), "line 3, enterprise_name: starts like a spreadsheet formula",
                "line 3, account_name: starts like a spreadsheet formula");
        rejected("unknown county", ENTERPRISES, "county.csv",
                utf8(ENTERPRISE_HEADER, good + ",潍坊甲公司,370705", second + ",北京乙公司,110101"),
                "line 3, county_code: unknown county code: 110101", good, second);
        rejected("same uscc twice in one file", ENTERPRISES, "twice.csv",
                utf8(ENTERPRISE_HEADER, good + ",潍坊甲公司,370705", good + ",潍坊甲公司（新）,370705"),
                "line 3, uscc: the same record as line 2", good);
        rejected("XLSX zip bomb (8 MB of one letter in a few KB)", ENTERPRISES, "bomb.xlsx", zipBomb(),
                "not a readable XLSX workbook", "(zip bomb)");
        rejected("CSV content under an .xlsx name", ENTERPRISES, "fake.xlsx",
                utf8(ENTERPRISE_HEADER, good + ",潍坊甲公司,370705"), "not a readable XLSX workbook", good);
    }

    // ---- credit-records: all rows or none ----

    private void creditRecords() {
        String uscc = TestUscc.next("370784");
        byte[] workbook = FeedFiles.xlsx(List.of(List.of("uscc", "enterprise_name", "record_type", "listed_on"),
                List.of(uscc, "安丘某公司", "质量失信", "2024-01-01")));
        rejected("XLSX cut in half", CREDIT, "half.xlsx", Arrays.copyOf(workbook, workbook.length / 2),
                "not a readable XLSX workbook", uscc);
        rejected("date in 1900", CREDIT, "1900.csv",
                utf8(CREDIT_HEADER, uscc + ",安丘某公司,质量失信,1900-01-01,"), "listed_on: date out of range: 1900-01-01",
                uscc);
        rejected("impossible date 2024-02-30", CREDIT, "feb30.csv",
                utf8(CREDIT_HEADER, uscc + ",安丘某公司,质量失信,2024-01-01,2024-02-30"),
                "removed_on: not a date (yyyy-MM-dd): 2024-02-30", uscc);
        rejected("same record twice in one file", CREDIT, "twice.csv",
                utf8(CREDIT_HEADER, uscc + ",安丘某公司,质量失信,2024-01-01,", uscc + ",安丘某公司,质量失信,2024-01-01,2024-06-01"),
                "line 3, listed_on: the same record as line 2", uscc);
        rejected("removed before it was listed", CREDIT, "removed.csv",
                utf8(CREDIT_HEADER, uscc + ",安丘某公司,质量失信,2024-05-01,2024-04-30"),
                "removal date 2024-04-30 is before listing date 2024-05-01", uscc);
        rejected("USCC with lower-case letters", CREDIT, "lower.csv",
                utf8(CREDIT_HEADER, uscc.toLowerCase() + ",安丘某公司,质量失信,2024-01-01,"),
                "uscc: contains a character not allowed");
    }

    // ---- operation-data: bad rows skipped and listed, good rows applied ----

    private void operationData() {
        String good = TestUscc.next("370783");
        String bad = TestUscc.next("370783");
        skipped("negative revenue", OPERATION, "negative.csv",
                utf8(OPERATION_HEADER, good + ",2024-03,1000000.00,1000,500,100", bad + ",2024-03,-5,0,0,0"), 1,
                List.of("第3行", "line 3, revenue: must not be negative"), bad + "|2024-03");
        good = TestUscc.next("370783");
        bad = TestUscc.next("370783");
        skipped("absurd revenue (1e20) and NaN", OPERATION, "absurd.csv",
                utf8(OPERATION_HEADER, good + ",2024-03,1000,1,1,1", bad + ",2024-03,1e20,1,1,1", bad + ",2024-04,NaN,1,1,1"), 1,
                List.of("line 3, revenue: not an amount in yuan (plain digits with at most 2 decimals, no exponent)", "line 4, revenue: not a number: NaN"),
                bad + "|2024-03", bad + "|2024-04");
        good = TestUscc.next("370783");
        skipped("month 13", OPERATION, "month13.csv",
                utf8(OPERATION_HEADER, good + ",2024-03,1000,1,1,1", good + ",2024-13,1000,1,1,1"), 1,
                List.of("line 3, period: not a period (YYYY-MM): 2024-13"));
        good = TestUscc.next("370783");
        skipped("same enterprise and month twice", OPERATION, "twice.csv",
                utf8(OPERATION_HEADER, good + ",2024-05,1000,1,1,1", good + ",2024-05,999999,1,1,1"), 1,
                List.of("line 3, period: same enterprise and period as line 2"));
        good = TestUscc.next("370783");
        skipped("more than 2 decimals", OPERATION, "decimals.csv",
                utf8(OPERATION_HEADER, good + ",2024-03,1000.123,1,1,1"), 0,
                List.of("line 2, revenue: at most 2 decimal places"), good + "|2024-03");
        rejected("no indicator column", OPERATION, "no-indicator.csv", utf8("uscc,period", good + ",2024-03"),
                "none of the columns revenue, profit, electricity_kwh, tax");
        byte[] huge = Arrays.copyOf(utf8(OPERATION_HEADER), (int) maxFileSize + 1);
        rejected("file over hub.exchange.max-file-size", OPERATION, "huge.csv", huge, "more than the limit");
    }

    // ---- recognition-lists: one award per row, bad rows skipped and listed ----

    private void recognitionLists() {
        String uscc = TestUscc.next("370705");
        skipped("invalid USCC, unknown policy, date 2099, enterprise not registered", RECOGNITION, "list.csv",
                utf8(RECOGNITION_HEADER,
                        "91370705MAAY4CL12Y,潍坊甲公司,SINGLE_CHAMPION_NATIONAL,2024-05-01",
                        uscc + ",潍坊乙公司,NO_SUCH_POLICY,2024-05-01",
                        uscc + ",潍坊乙公司,SINGLE_CHAMPION_NATIONAL,2099-05-01",
                        uscc + ",潍坊乙公司,SINGLE_CHAMPION_NATIONAL,2024-05-01"), 0,
                List.of("line 2, uscc: wrong check character", "line 3, policy_code: unknown policy code: NO_SUCH_POLICY",
                        "line 4, recognized_on: recognition date 2099-05-01 is outside",
                        "line 5, uscc: enterprise " + uscc + " is not in the enterprise registry"),
                "AUTO-" + uscc + "-SINGLE_CHAMPION_NATIONAL-2024", "AUTO-" + uscc + "-SINGLE_CHAMPION_NATIONAL-2099");
        skipped("same enterprise, policy and year twice", RECOGNITION, "twice.csv",
                utf8(RECOGNITION_HEADER, uscc + ",潍坊乙公司,SINGLE_CHAMPION_NATIONAL,2024-05-01",
                        uscc + ",潍坊乙公司,SINGLE_CHAMPION_NATIONAL,2024-08-01"), 0,
                List.of("line 3, policy_code: same enterprise, policy and year as line 2"),
                "AUTO-" + uscc + "-SINGLE_CHAMPION_NATIONAL-2024");
        skipped("policy that needs inputs a list does not carry", RECOGNITION, "inputs.csv",
                utf8(RECOGNITION_HEADER, uscc + ",潍坊乙公司,TECH_RENOVATION,2024-05-01"), 0,
                List.of("line 2, policy_code: policy TECH_RENOVATION needs inputs (equipmentInvestment)"),
                "AUTO-" + uscc + "-TECH_RENOVATION-2024");
        rejected("header only", RECOGNITION, "header.csv", utf8(RECOGNITION_HEADER), "header but no data rows");
        rejected("UTF-16 list", RECOGNITION, "unicode.csv",
                utf16(RECOGNITION_HEADER + "\n" + uscc + ",潍坊乙公司,SINGLE_CHAMPION_NATIONAL,2024-05-01\n"),
                "UTF-16/UTF-32", "AUTO-" + uscc + "-SINGLE_CHAMPION_NATIONAL-2024");
    }

    // ---- progress-reports: JSON, all reports of a file or none ----

    private void progressReports() {
        rejected("progress above 100", PROGRESS, "p101.json", json(report(Map.of("progress", 101))),
                "progress must be a whole number from 0 to 100: 101");
        rejected("a JSON string instead of a report", PROGRESS, "string.json", "\"进展顺利\"".getBytes(StandardCharsets.UTF_8),
                "must be a JSON object");
        rejected("empty array", PROGRESS, "empty-array.json", "[]".getBytes(StandardCharsets.UTF_8), "the file is empty");
        rejected("deeply nested JSON", PROGRESS, "deep.json", deeplyNested(3000), "nested too deeply");
        rejected("truncated JSON", PROGRESS, "cut.json", "{\"zoneId\": \"zibo\", \"taskCode\": \"Z".getBytes(StandardCharsets.UTF_8),
                "malformed document");
    }

    // ---- payment-receipts: all rows checked before any is applied ----

    private void paymentReceipts() {
        String pay = fixtures.issuedPaymentId();
        rejected("receipt for an unknown payment_id", RECEIPTS, "unknown.csv",
                utf8(RECEIPT_HEADER, "PAY-20240101-NOSUCHPAYMNT,PAID,2024-01-02,B1,"), "unknown payment_id PAY-20240101-NOSUCHPAYMNT");
        rejected("bad status", RECEIPTS, "status.csv", utf8(RECEIPT_HEADER, pay + ",DONE,2024-01-02,B1,"),
                "status must be PAID or FAILED: DONE");
        rejected("same payment_id twice (PAID and FAILED)", RECEIPTS, "twice.csv",
                utf8(RECEIPT_HEADER, pay + ",PAID,2024-01-02,B1,", pay + ",FAILED,,,账户已冻结"),
                "line 3, payment_id: the same record as line 2");
        rejected("PAID without paid_on", RECEIPTS, "no-date.csv", utf8(RECEIPT_HEADER, pay + ",PAID,,B1,"),
                "paid_on: required");
        rejected("header only", RECEIPTS, "header.csv", utf8(RECEIPT_HEADER), "header but no data rows");
    }

    // ---- issue 14: codes a spreadsheet turned into numbers, old and large workbooks, in every table feed ----

    private void spreadsheets() {
        String numberCell = "a code must be a text cell, not a number cell";
        String scientific = "a code in scientific notation";
        String good = TestUscc.next("370705");
        rejected("account number as a number cell (XLSX)", ENTERPRISES, "account-number.xlsx", FeedFiles.xlsx(List.of(
                        List.of("uscc", "enterprise_name", "county_code", "account_no"),
                        List.of(good, "潍坊甲公司", "370705", 1607001109200100001d))),
                "line 2, account_no: " + numberCell + " (16070011092001", good);
        rejected("account number in E-notation, as LibreOffice saves it (CSV)", ENTERPRISES, "account-e.csv",
                utf8(ENTERPRISE_HEADER + ",account_no", good + ",潍坊甲公司,370705,1.6070011092001E+018"),
                "line 2, account_no: " + scientific + " (1.6070011092001E+018)", good);
        rejected("account number as a number cell (XLS)", ENTERPRISES, "account-number.xls", FeedFiles.xls(List.of(
                        List.of("uscc", "enterprise_name", "county_code", "account_no"),
                        List.of(good, "潍坊甲公司", "370705", 6228480402564890018d))),
                "line 2, account_no: " + numberCell, good);
        byte[] ole2 = Arrays.copyOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
                0x1A, (byte) 0xE1}, 4096);
        rejected("broken .xls (an OLE2 header and nothing else)", ENTERPRISES, "broken.xls", ole2,
                "not a readable Excel 97-2003 (.xls) workbook", good);
        rejected("large non-bomb XLSX (30,000 rows) with one number-cell account on its last line", ENTERPRISES,
                "large.xlsx", largeEnterprises(30_000), "line 30001, account_no: " + numberCell);
        String uscc = TestUscc.next("370784");
        rejected("USCC as a number cell (XLSX)", CREDIT, "uscc-number.xlsx", FeedFiles.xlsx(List.of(
                        List.of("uscc", "enterprise_name", "record_type", "listed_on"),
                        List.of(913707845551234567d, "安丘某公司", "质量失信", "2024-01-01"))),
                "line 2, uscc: " + numberCell);
        String goodOperation = TestUscc.next("370783");
        skipped("USCC as a number cell among good rows (XLSX)", OPERATION, "uscc-number.xlsx", FeedFiles.xlsx(List.of(
                        List.of("uscc", "period", "revenue"),
                        List.of(goodOperation, "2024-03", 1000d),
                        List.of(913707835551234567d, "2024-03", 1000d))), 1,
                List.of("line 3, uscc: " + numberCell));
        skipped("USCC in E-notation (CSV)", RECOGNITION, "uscc-e.csv",
                utf8(RECOGNITION_HEADER, "9.13707055551235E+17,潍坊乙公司,SINGLE_CHAMPION_NATIONAL,2024-05-01"), 0,
                List.of("line 2, uscc: " + scientific));
        rejected("bank reference as a number cell (XLSX)", RECEIPTS, "reference-number.xlsx", FeedFiles.xlsx(List.of(
                        List.of("payment_id", "status", "paid_on", "bank_reference"),
                        List.of(fixtures.issuedPaymentId(), "PAID", "2024-01-02", 20240102000123456d))),
                "line 2, bank_reference: " + numberCell);
    }

    /** An enterprise list of {@code rows} good rows, but the last one's account is a number cell. */
    private static byte[] largeEnterprises(int rows) {
        List<List<Object>> sheet = new ArrayList<>();
        sheet.add(List.of("uscc", "enterprise_name", "county_code", "account_no"));
        for (int r = 1; r < rows; r++) {
            sheet.add(List.of(TestUscc.next("370705"), "潍坊大表公司" + r, "370705", "62284804025648" + r));
        }
        sheet.add(List.of(TestUscc.next("370705"), "潍坊大表公司", "370705", 6228480402564890018d));
        return FeedFiles.xlsx(sheet);
    }

    // ---- helpers ----

    private void rejected(String kind, String feed, String name, byte[] content, String reason, String... absent) {
        all.add(new BadInput(kind, feed, name, content, Outcome.REJECTED, List.of(reason), 0, List.of(absent)));
    }

    /** Rejected with one or more reasons; the application id must stay unknown. */
    private void rejectedApplication(String kind, String feed, String name, byte[] content, String absentId,
                                     String reason, String... more) {
        List<String> reasons = new ArrayList<>(List.of(reason));
        reasons.addAll(List.of(more));
        all.add(new BadInput(kind, feed, name, content, Outcome.REJECTED, reasons, 0, List.of(absentId)));
    }

    private void skipped(String kind, String feed, String name, byte[] content, int applied, List<String> reasons,
                         String... absent) {
        all.add(new BadInput(kind, feed, name, content, Outcome.ROWS_SKIPPED, reasons, applied, List.of(absent)));
    }

    private static String application(String id, Map<String, Object> changes) {
        Map<String, Object> a = Applications.application(id, "TECH_RENOVATION");
        a.put("uscc", TestUscc.next("370705"));
        a.put("amounts", Map.of("equipmentInvestment", new BigDecimal("1200000.00")));
        a.putAll(changes);
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> report(Map<String, Object> changes) {
        Map<String, Object> r = new LinkedHashMap<>(Map.of("zoneId", "zibo", "taskCode", "ZB-01",
                "bureau", "gxj", "period", "2024Q1", "progress", 50, "summary", "进展顺利"));
        r.putAll(changes);
        return r;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] deeplyNested(int depth) {
        return ("{\"zoneId\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf16(String text) {
        return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] utf8(String... lines) {
        return FeedFiles.utf8(lines);
    }

    /** An XLSX-shaped zip whose sheet inflates a thousandfold: POI's zip-bomb guard must refuse it. */
    private static byte[] zipBomb() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"/>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 8; i++) {
                zip.write(block);
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] garbage(int size) {
        byte[] b = new byte[size];
        new Random(6).nextBytes(b);
        b[10] = 0;
        return b;
    }

    /** A corpus file with its placeholders filled in. */
    private static byte[] resource(String name, String applicationId) {
        try (InputStream in = BadInputCorpus.class.getResourceAsStream("/bad-inputs/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${APP_ID}", applicationId == null ? Applications.newId() : applicationId)
                    .replace("${USCC}", TestUscc.next("370705"))
                    .replace("${USCC2}", TestUscc.next("370705"));
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
