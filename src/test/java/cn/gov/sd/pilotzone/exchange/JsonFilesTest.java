package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;

import org.junit.jupiter.api.Test;

/** JSON documents of the inbound feeds: each way of being unreadable has its own reason. */
class JsonFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOC = "{\"name\": \"潍坊奎文智能装备有限公司\"}";

    @Test
    void utf8WithOrWithoutBomIsRead() {
        assertThat(JsonFiles.read(JSON, DOC.getBytes(StandardCharsets.UTF_8), true).path("name").asText())
                .isEqualTo("潍坊奎文智能装备有限公司");
        byte[] bom = ("\uFEFF" + DOC).getBytes(StandardCharsets.UTF_8);
        assertThat(JsonFiles.read(JSON, bom, true).path("name").asText()).isEqualTo("潍坊奎文智能装备有限公司");
    }

    @Test
    void emptyAndBlankFilesAreEmpty() {
        assertThat(codes(new byte[0])).containsExactly("file.empty");
        assertThat(codes("  \n".getBytes(StandardCharsets.UTF_8))).containsExactly("file.empty");
    }

    @Test
    void gbkAndUtf16AreRefusedAsNotUtf8() {
        assertThat(codes(DOC.getBytes(Charset.forName("GBK")))).containsExactly("json.encoding");
        assertThat(codes(DOC.getBytes(StandardCharsets.UTF_16LE))).containsExactly("json.encoding");
        assertThat(codes(("\uFEFF" + DOC).getBytes(StandardCharsets.UTF_16BE))).containsExactly("json.encoding");
    }

    @Test
    void nestingBeyondTheParsersLimitIsTooDeepNotMalformed() {
        byte[] deep = ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
        assertThat(codes(deep)).containsExactly("json.tooDeep");
    }

    @Test
    void truncatedDocumentIsMalformedWithItsLine() {
        List<Problem> problems = problems("{\n\"a\": 1,\n\"b\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(problems).extracting(Problem::code).containsExactly("syntax.malformed");
        assertThat(problems.get(0).args().get(0)).isEqualTo(3);
    }

    @Test
    void binaryIsRefused() {
        assertThat(codes(new byte[] {'{', 0, 0, 1, '}', 7, 0, 9, 0, 0, 0})).containsExactly("file.binary");
    }

    private static List<String> codes(byte[] content) {
        return problems(content).stream().map(Problem::code).toList();
    }

    private static List<Problem> problems(byte[] content) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> JsonFiles.read(JSON, content, true));
        assertThat(e).as("refused").isNotNull();
        return e.problems();
    }
}
