package cn.gov.sd.pilotzone.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.common.ConfigFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 unified social credit codes: the demo ones, published ones, constructed ones, and broken ones. */
class UsccTest {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** A valid code: registration prefix (positions 1–8), organisation body (9–16), both check characters computed. */
    static String uscc(String prefix8, String body8) {
        String first17 = prefix8 + body8 + Uscc.orgCheck(body8);
        return first17 + Uscc.check(first17);
    }

    static Stream<String> demoUsccs() {
        return new ConfigFiles("config").read("demo-enterprises.yml", DemoEnterprises.File.class).enterprises()
                .stream().map(Enterprise::uscc);
    }

    @Test
    void thereAreEightDemoEnterprises() {
        assertThat(demoUsccs()).hasSize(8).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("demoUsccs")
    void demoEnterprisesHaveValidCodes(String code) {
        assertThat(Uscc.problem(code)).isEmpty();
        assertThat(Uscc.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91330100799655058B",
            "91110000802100433B", "91110108551385082Q"})
    void publishedCodesOfRealCompaniesAreValid(String code) {
        assertThat(Uscc.problem(code)).isEmpty();
    }

    @Test
    void testCodesAreValidAndNeverRepeatWithinARun() {
        List<String> codes = Stream.generate(() -> TestUscc.next("370705")).limit(100_000).toList();

        assertThat(codes).doesNotHaveDuplicates();
        assertThat(codes).allSatisfy(code -> assertThat(Uscc.problem(code)).as(code).isEmpty());
    }

    @Test
    void codesConstructedWithBothCheckCharactersAreValid() {
        List<String> codes = List.of(
                uscc("91370705", "MA3C8E4K"),   // company, Kuiwen district, Weifang
                uscc("92370783", "MA1XG6P0"),   // individual business, Shouguang
                uscc("12370700", "00431280"),   // public institution, Weifang city
                uscc("52370700", "MJD0417Y"),   // social organisation
                uscc("91370700", "00000006"),   // organisation check character X
                uscc("91370700", "00000000"));  // organisation check character 0

        assertThat(codes).allSatisfy(code -> assertThat(Uscc.problem(code)).as(code).isEmpty());
        assertThat(codes.get(4).charAt(16)).isEqualTo('X');
        assertThat(codes.get(5).charAt(16)).isEqualTo('0');
    }

    @Test
    void organisationCheckFollowsGb11714() {
        // weights 3 7 9 10 5 8 4 2, C = 11 - sum mod 11, 10 → X, 11 → 0; letters count from A = 10
        assertThat(Uscc.orgCheck("12345678")).isEqualTo('8');       // 3+14+27+40+25+48+28+16 = 201, 11-3
        assertThat(Uscc.orgCheck("00000006")).isEqualTo('X');       // 12 mod 11 = 1
        assertThat(Uscc.orgCheck("00000000")).isEqualTo('0');
        assertThat(Uscc.orgCheck("0000000A")).isEqualTo('2');       // 20 mod 11 = 9
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t"})
    void missingCodeIsUsccMissing(String code) {
        assertThat(Uscc.problem(code)).contains("uscc.missing");
        assertThat(Uscc.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91370705MAAY4CL12", "91370705MAAY4CL12X0", "9137070", "91370705MAAY4CL12X91370705MAAY4CL12X",
            " 91370705MAAY4CL12X", "91370705MAAY4CL12X "})
    void wrongLengthIsUsccLength(String code) {
        assertThat(Uscc.problem(code)).contains("uscc.length");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
    void forbiddenLettersAreUsccCharacter(char letter) {
        String valid = "91370705MAAY4CL12X";
        assertThat(Uscc.problem(valid.substring(0, 10) + letter + valid.substring(11))).contains("uscc.character");
        assertThat(Uscc.problem(valid.substring(0, 17) + letter)).contains("uscc.character");
        assertThat(Uscc.problem(letter + valid.substring(1))).contains("uscc.character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91370705maay4cl12x", "91370705MAAY4CL1-X", "91370705MAAY4CL1２X", "91370705MAAY4CL1 X"})
    void lowerCaseFullWidthAndPunctuationAreUsccCharacter(String code) {
        assertThat(Uscc.problem(code)).contains("uscc.character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91A70705", "9137070M", "91X70705", "91Y70705"})
    void nonDigitDivisionIsUsccDivision(String prefix) {
        // both check characters are right: only the division (positions 3–8) is wrong
        assertThat(Uscc.problem(uscc(prefix, "MAAY4CL1"))).contains("uscc.division");
    }

    @Test
    void wrongOrganisationCheckIsUsccOrgCheck() {
        String first16 = "91370705MAAY4CL1";                  // its organisation check character is 2
        for (char wrong : "013456789X".toCharArray()) {
            String first17 = first16 + wrong;
            assertThat(Uscc.problem(first17 + Uscc.check(first17))).as(first17).contains("uscc.orgCheck");
        }
    }

    @Test
    void wrongCheckCharacterIsUsccCheck() {
        String valid = "91370705MAAY4CL12X";
        for (char c : CHARSET.toCharArray()) {
            if (c != 'X') {
                assertThat(Uscc.problem(valid.substring(0, 17) + c)).as("check %s", c).contains("uscc.check");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("demoUsccs")
    void everySingleCharacterSubstitutionIsDetected(String code) {
        for (int i = 0; i < 18; i++) {
            for (char c : CHARSET.toCharArray()) {
                if (c != code.charAt(i)) {
                    String changed = code.substring(0, i) + c + code.substring(i + 1);
                    assertThat(Uscc.isValid(changed)).as(changed).isFalse();
                }
            }
        }
    }

    @Test
    void testDataCodesAreValidAndInTheirCounty() {
        List<String> codes = Stream.generate(() -> TestUscc.next("370705")).limit(500).toList();

        assertThat(codes).allSatisfy(code -> {
            assertThat(Uscc.problem(code)).as(code).isEmpty();
            assertThat(code).startsWith("91370705");
        });
    }

    @Test
    void checkCharacterIsInTheCharsetAndMatchesTheSeventeenFirst() {
        assertThat(Uscc.check("91370705MAAY4CL12")).isEqualTo('X');
        assertThat(Uscc.check("91440300192203821")).isEqualTo('6');
    }
}
