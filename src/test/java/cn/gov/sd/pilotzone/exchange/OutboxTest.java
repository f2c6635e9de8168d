package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How outbound CSV batches are rendered ({@link Outbox#csv}): header, quoting, charset. */
class OutboxTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    static Map<String, Object> instruction(String paymentId, String name, String amount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("payment_id", paymentId);
        row.put("application_id", "WF-2024-000123");
        row.put("uscc", "91370705MAAY4CL12X");
        row.put("enterprise_name", name);
        row.put("policy_code", "SINGLE_CHAMPION_NATIONAL");
        row.put("amount", amount);
        row.put("bank_name", "中国工商银行潍坊奎文支行");
        row.put("account_name", name);
        row.put("account_no", "1607001109200012345");
        row.put("approved_on", LocalDate.of(2024, 12, 2));
        return row;
    }

    @Test
    void headerIsTheRowsColumnsInTheirOrder() {
        String csv = utf8(Outbox.csv(List.of(instruction("P-1", "潍坊奎文智能装备有限公司", "800000.00")),
                StandardCharsets.UTF_8));

        assertThat(csv).isEqualTo("payment_id,application_id,uscc,enterprise_name,policy_code,amount,bank_name,"
                + "account_name,account_no,approved_on\r\n"
                + "P-1,WF-2024-000123,91370705MAAY4CL12X,潍坊奎文智能装备有限公司,SINGLE_CHAMPION_NATIONAL,800000.00,"
                + "中国工商银行潍坊奎文支行,潍坊奎文智能装备有限公司,1607001109200012345,2024-12-02\r\n");
    }

    @Test
    void oneLinePerRowInTheGivenOrder() {
        String csv = utf8(Outbox.csv(List.of(instruction("P-1", "a", "1.00"), instruction("P-2", "b", "2.00"),
                instruction("P-3", "c", "3.00")), StandardCharsets.UTF_8));

        assertThat(csv.split("\r\n")).extracting(line -> line.split(",")[0])
                .containsExactly("payment_id", "P-1", "P-2", "P-3");
    }

    @Test
    void commasQuotesAndNewlinesAreQuoted() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("plain", "潍坊");
        row.put("comma", "潍坊,奎文");
        row.put("quote", "say \"hi\"");
        row.put("newline", "line1\nline2");
        row.put("crlf", "a\r\nb");

        String csv = utf8(Outbox.csv(List.of(row), StandardCharsets.UTF_8));

        assertThat(csv).isEqualTo("plain,comma,quote,newline,crlf\r\n"
                + "潍坊,\"潍坊,奎文\",\"say \"\"hi\"\"\",\"line1\nline2\",\"a\r\nb\"\r\n");
    }

    @Test
    void missingValuesAreEmptyCells() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("payment_id", "P-1");
        row.put("message", null);
        row.put("amount", new BigDecimal("0.50"));

        assertThat(utf8(Outbox.csv(List.of(row), StandardCharsets.UTF_8)))
                .isEqualTo("payment_id,message,amount\r\nP-1,,0.50\r\n");
    }

    @Test
    void rowsAreWrittenUnderTheirOwnColumnsWhateverTheirKeyOrder() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("payment_id", "P-1");
        first.put("amount", "1.00");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("amount", "2.00");
        second.put("payment_id", "P-2");

        assertThat(utf8(Outbox.csv(List.of(first, second), StandardCharsets.UTF_8)))
                .isEqualTo("payment_id,amount\r\nP-1,1.00\r\nP-2,2.00\r\n");
    }

    @Test
    void aColumnOnlyLaterRowsHaveIsNotLost() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("payment_id", "P-1");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("payment_id", "P-2");
        second.put("message", "re-issued");

        assertThat(utf8(Outbox.csv(List.of(first, second), StandardCharsets.UTF_8)))
                .isEqualTo("payment_id,message\r\nP-1,\r\nP-2,re-issued\r\n");
    }

    @Test
    void gb18030BatchIsEncodedInGb18030() {
        List<Map<String, Object>> rows = List.of(instruction("P-1", "寿光蔬菜种业科技有限公司", "1000000.00"));

        byte[] gb = Outbox.csv(rows, GB18030);
        byte[] utf8 = Outbox.csv(rows, StandardCharsets.UTF_8);

        assertThat(gb).isNotEqualTo(utf8);
        assertThat(new String(gb, GB18030)).isEqualTo(utf8(utf8))
                .contains("寿光蔬菜种业科技有限公司");
        assertThat(gb).startsWith("payment_id".getBytes(StandardCharsets.US_ASCII));
    }

    /** Excel and WPS on a Chinese desktop read a UTF-8 CSV without a BOM as GBK (issue 15): mojibake. */
    @Test
    void utf8BatchStartsWithAByteOrderMarkForChineseDesktops() {
        byte[] csv = Outbox.csv(List.of(instruction("P-1", "潍坊", "1.00")), StandardCharsets.UTF_8);

        assertThat(Arrays.copyOf(csv, 4)).containsExactly(0xEF, 0xBB, 0xBF, 'p');
    }

    @Test
    void renderedCsvReadsBackThroughTheInboundReader() {
        List<Map<String, Object>> rows = List.of(instruction("P-1", "潍坊\"奎文\",智能\n装备", "800000.00"),
                instruction("P-2", "寿光", "0.01"));
        List<TableReader.Column> columns = rows.get(0).keySet().stream()
                .map(name -> new TableReader.Column(name, name, true)).toList();

        List<TableReader.Row> read = TableReader.read("batch.csv", Outbox.csv(rows, GB18030), GB18030, columns);

        assertThat(read).extracting(r -> r.text("enterprise_name", true))
                .containsExactly("潍坊\"奎文\",智能\n装备", "寿光");
        assertThat(read).extracting(r -> r.money("amount", true))
                .containsExactly(new BigDecimal("800000.00"), new BigDecimal("0.01"));
        // the name is in two columns (enterprise and account), so the first row spans lines 2–4
        assertThat(read).extracting(TableReader.Row::line).containsExactly(2, 5);
    }

    @Test
    void noRowsGiveAnEmptyFile() {
        assertThat(Outbox.csv(List.of(), StandardCharsets.UTF_8)).isEmpty();
    }

    /** The CSV's text after its byte-order mark, which every UTF-8 batch starts with. */
    private static String utf8(byte[] bytes) {
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte-order mark")
                .containsExactly(0xEF, 0xBB, 0xBF);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
}
