package cn.gov.sd.pilotzone.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The form of an amount, checked before any arithmetic (docs/money-rules.md). */
class MoneyTest {

    @ParameterizedTest
    @CsvSource({"1e10000000, money.tooLarge", "1e20, money.tooLarge", "1000000000000, money.tooLarge",
            "1e-10000000, money.scale", "0.001, money.scale", "12.500, money.scale", "-0.01, money.negative",
            "0, money.positive", "0.00, money.positive"})
    void refusedAmountsAreNamedWithoutArithmetic(String value, String code) {
        long t0 = System.nanoTime();
        assertThat(Money.problem(new BigDecimal(value), Money.Sign.POSITIVE)).contains(code);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "999999999999.99", "1", "12.5"})
    void validAmountsPass(String value) {
        assertThat(Money.problem(new BigDecimal(value), Money.Sign.POSITIVE)).isEmpty();
        assertThat(Money.parse("amount", value, Money.Sign.POSITIVE)).isEqualByComparingTo(value);
    }

    @ParameterizedTest
    @CsvSource({"1E+20, money.format", "1.6070011092001E+018, money.format", "abc, number.format",
            "'12,000', number.format", "1 000, number.format", "0000000000000000000000001, money.tooLarge"})
    void textMustBePlainDecimalNotation(String text, String code) {
        assertThatThrownBy(() -> Money.parse("amount", text, Money.Sign.ANY)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field, Problem::code)
                        .containsExactly(tuple("amount", code)));
    }

    @Test
    void signsAreTheCallersChoice() {
        assertThat(Money.parse("profit", "-5.00", Money.Sign.ANY)).isEqualByComparingTo("-5");
        assertThat(Money.problem(BigDecimal.ZERO, Money.Sign.NON_NEGATIVE)).isEmpty();
        assertThat(Money.problem(new BigDecimal("-1"), Money.Sign.NON_NEGATIVE)).contains("money.negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "+7", "-7", "007", "1234567.89", "-1000.5", "0.00", "-0.00", "999999999999.99",
        "123456789012345678", "1234567890123456789", "12345678901234567890.12", "-9223372036854775808"})
    void plainDecimalsAreReadAsBigDecimalReadsThem(String text) {
        assertThat(Money.plainDecimal(text)).isEqualTo(new BigDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", ".", "1.", ".5", "1.2.3", "1e5", "1E+5", "1,000", " 1", "1 ", "--1", "+-1",
        "１２", "0x10", "1_000"})
    void anythingElseIsNotAPlainDecimal(String text) {
        assertThat(Money.plainDecimal(text)).isNull();
    }
}
