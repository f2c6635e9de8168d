package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.sd.pilotzone.common.Problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names of inbound files: which are refused, and how the stored copy is named. */
class InboundNamesTest {


    @ParameterizedTest
    @ValueSource(strings = {"..\\..\\evil.json", "reports\\a.csv", "a/b.csv", "..", "C:evil.json", "c:\\x.csv"})
    void namesWithPathComponentsAreRefused(String name) {
        assertThat(InboundNames.problem(name)).map(Problem::code).hasValue("file.namePath");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb.csv", "a\rb.csv", "tab\there.csv", "bell\u0007.csv", "evil\u202Etxt.exe",
            "zero\u200Bwidth.csv", "bom\uFEFF.csv", "del\u007F.csv", "c1\u0085.csv"})
    void controlAndInvisibleFormattingCharactersAreRefused(String name) {
        assertThat(InboundNames.problem(name)).map(Problem::code).hasValue("file.nameCharacter");
    }

    @Test
    void theReasonNamesTheCharacter() {
        assertThat(InboundNames.problem("evil\u202Etxt.exe")).map(p -> p.args().get(0)).hasValue("U+202E");
    }

    @Test
    void overlongNamesAreRefused() {
        assertThat(InboundNames.problem("x".repeat(146) + ".csv")).isEmpty();
        assertThat(InboundNames.problem("x".repeat(147) + ".csv")).map(Problem::code).hasValue("file.nameTooLong");
        assertThat(InboundNames.problem("潍坊市".repeat(21) + ".csv")).isEmpty(); // 189 + 4 bytes
        assertThat(InboundNames.problem("潍坊市".repeat(22) + ".csv")).map(Problem::code).hasValue("file.nameTooLong");
    }

    @Test
    void printableNameShowsControlCharactersAsCodePoints() {
        assertThat(InboundNames.printable("a\nrows applied: 1\u202E.csv")).isEqualTo("aU+000Arows applied: 1U+202E.csv");
        assertThat(InboundNames.printable("认定名单 -1.csv")).isEqualTo("认定名单 -1.csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"认定名单 2024年.xlsx", "-rf.csv", "a b  c.csv", "WF-2024-000123.json", "名单（第二批）.csv",
            "...csv", "a..b.csv"})
    void ordinaryNamesAreAccepted(String name) {
        assertThat(InboundNames.problem(name)).isEmpty();
    }
}
