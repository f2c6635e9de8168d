package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.award.AwardApplicationForm.Attachment;
import cn.gov.sd.pilotzone.award.AwardApplicationForm.BankAccount;
import cn.gov.sd.pilotzone.award.AwardApplicationForm.Contact;
import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.registry.BureauDirectory;

import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The form of an award application (docs/exchange.md), JSON and XML, with the real catalog and bureaus of config/. */
class AwardApplicationParserTest {

    private static final ConfigFiles CONFIG = new ConfigFiles("config");
    private static final AwardApplicationParser PARSER = new AwardApplicationParser(new AwardCatalog(CONFIG),
            new BureauDirectory(CONFIG));

    static final String USCC = "91370705MAAY4CL12X";
    static final String SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** The example of docs/exchange.md with a valid USCC and complete values. */
    static final String SPEC_EXAMPLE = """
            {
              "applicationId": "WF-2024-000123",
              "uscc": "91370705MAAY4CL12X",
              "enterpriseName": "潍坊奎文智能装备有限公司",
              "countyCode": "370705",
              "policyCode": "SINGLE_CHAMPION_NATIONAL",
              "eventDate": "2024-11-20",
              "amounts": { "equipmentInvestment": 12000000.00 },
              "contact": { "name": "王经理", "phone": "0536-8888888" },
              "bankAccount": { "bankName": "中国工商银行潍坊奎文支行", "accountName": "潍坊奎文智能装备有限公司",
                               "accountNo": "1607001109200012345" },
              "attachments": [ { "name": "认定文件.pdf", "sha256": "%s" } ]
            }
            """.formatted(SHA);

    static final String SPEC_EXAMPLE_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <application>
              <applicationId>WF-2024-000123</applicationId>
              <uscc>91370705MAAY4CL12X</uscc>
              <enterpriseName>潍坊奎文智能装备有限公司</enterpriseName>
              <countyCode>370705</countyCode>
              <policyCode>SINGLE_CHAMPION_NATIONAL</policyCode>
              <eventDate>2024-11-20</eventDate>
              <amounts><equipmentInvestment>12000000.00</equipmentInvestment></amounts>
              <contact><name>王经理</name><phone>0536-8888888</phone></contact>
              <bankAccount>
                <bankName>中国工商银行潍坊奎文支行</bankName>
                <accountName>潍坊奎文智能装备有限公司</accountName>
                <accountNo>1607001109200012345</accountNo>
              </bankAccount>
              <attachments><attachment><name>认定文件.pdf</name><sha256>%s</sha256></attachment></attachments>
            </application>
            """.formatted(SHA);

    // ---- good documents ----

    @Test
    void specExampleParsesIntoTheForm() {
        AwardApplicationForm form = json(SPEC_EXAMPLE);

        assertThat(form.applicationId()).isEqualTo("WF-2024-000123");
        assertThat(form.uscc()).isEqualTo(USCC);
        assertThat(form.enterpriseName()).isEqualTo("潍坊奎文智能装备有限公司");
        assertThat(form.countyCode()).isEqualTo("370705");
        assertThat(form.policyCode()).isEqualTo("SINGLE_CHAMPION_NATIONAL");
        assertThat(form.eventDate()).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThat(form.amounts()).containsExactly(Map.entry("equipmentInvestment", new BigDecimal("12000000.00")));
        assertThat(form.contact()).isEqualTo(new Contact("王经理", "0536-8888888"));
        assertThat(form.bankAccount()).isEqualTo(new BankAccount("中国工商银行潍坊奎文支行", "潍坊奎文智能装备有限公司",
                "1607001109200012345"));
        assertThat(form.attachments()).containsExactly(new Attachment("认定文件.pdf", SHA));
    }

    @Test
    void moneyKeepsTheDecimalsAsFiledNeverPassingThroughDouble() {
        AwardApplicationForm form = json(SPEC_EXAMPLE.replace("12000000.00", "999999999999.99"));

        assertThat(form.amounts().get("equipmentInvestment")).isInstanceOf(BigDecimal.class)
                .hasToString("999999999999.99");
    }

    @Test
    void xmlWithTheSameContentGivesTheSameForm() {
        assertThat(PARSER.parse("WF-2024-000123.xml", SPEC_EXAMPLE_XML.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(json(SPEC_EXAMPLE));
    }

    @Test
    void theFileNameDecidesTheFormat() {
        assertThat(PARSER.parse("A.XML", SPEC_EXAMPLE_XML.getBytes(StandardCharsets.UTF_8)).applicationId())
                .isEqualTo("WF-2024-000123");
        assertThat(PARSER.parse("a.json", SPEC_EXAMPLE.getBytes(StandardCharsets.UTF_8)).applicationId())
                .isEqualTo("WF-2024-000123");
        assertThat(problems(() -> PARSER.parse("a.json", SPEC_EXAMPLE_XML.getBytes(StandardCharsets.UTF_8))))
                .extracting(Problem::code).containsExactly("syntax.malformed");
    }

    @Test
    void xmlWithSeveralAttachmentsListsThemAll() {
        String xml = SPEC_EXAMPLE_XML.replace("</attachment></attachments>",
                "</attachment><attachment><name>验收报告.pdf</name></attachment></attachments>");

        assertThat(xml(xml).attachments()).containsExactly(new Attachment("认定文件.pdf", SHA),
                new Attachment("验收报告.pdf", null));
    }

    @Test
    void flagsAndCountsAreReadFromJsonAndXml() {
        String json = SPEC_EXAMPLE.replace("\"equipmentInvestment\": 12000000.00",
                "\"resolutionCount\": 1200000, \"topNodeConnected\": true");
        String xml = SPEC_EXAMPLE_XML.replace("<equipmentInvestment>12000000.00</equipmentInvestment>",
                "<resolutionCount>1200000</resolutionCount><topNodeConnected>true</topNodeConnected>");

        assertThat(json(json).amounts()).containsEntry("resolutionCount", new BigDecimal("1200000"))
                .containsEntry("topNodeConnected", true);
        assertThat(xml(xml).amounts()).isEqualTo(json(json).amounts());
    }

    @Test
    void optionalPartsMayBeLeftOut() {
        AwardApplicationForm form = json("""
                {"applicationId": "WF-1", "uscc": "%s", "enterpriseName": "x", "countyCode": "370705",
                 "policyCode": "NEW_ABOVE_SCALE", "eventDate": "2024-01-02"}""".formatted(USCC));

        assertThat(form.amounts()).isEmpty();
        assertThat(form.attachments()).isEmpty();
        assertThat(form.contact()).isNull();
        assertThat(form.bankAccount()).isNull();
    }

    // ---- every bad field at once ----

    @Test
    void everyBadFieldIsNamedAtOnce() {
        String doc = SPEC_EXAMPLE.replace(USCC, "91370705MAAY4CL12Y")
                .replace("\"370705\"", "\"110101\"")
                .replace("SINGLE_CHAMPION_NATIONAL", "NO_SUCH_POLICY")
                .replace("2024-11-20", "2024/11/20")
                .replace("12000000.00", "-1.00");

        assertThat(problems(doc)).extracting(Problem::field, Problem::code).containsExactlyInAnyOrder(
                tuple("uscc", "uscc.check"),
                tuple("countyCode", "countyCode.unknown"),
                tuple("policyCode", "policyCode.unknown"),
                tuple("eventDate", "date.format"),
                tuple("amounts.equipmentInvestment", "money.negative"));
    }

    @Test
    void everyBadFieldIsNamedAtOnceInXmlToo() {
        String doc = SPEC_EXAMPLE_XML.replace(USCC, "91370705MAAY4CL12Y")
                .replace(">370705<", ">110101<")
                .replace("SINGLE_CHAMPION_NATIONAL", "NO_SUCH_POLICY")
                .replace("2024-11-20", "2024/11/20")
                .replace("12000000.00", "-1.00");

        assertThat(problems(() -> xml(doc))).extracting(Problem::field).containsExactlyInAnyOrder(
                "uscc", "countyCode", "policyCode", "eventDate", "amounts.equipmentInvestment");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        assertThat(problems("{}")).extracting(Problem::field, Problem::code).containsExactlyInAnyOrder(
                tuple("applicationId", "field.required"), tuple("uscc", "field.required"),
                tuple("enterpriseName", "field.required"), tuple("countyCode", "field.required"),
                tuple("policyCode", "field.required"), tuple("eventDate", "field.required"));
    }

    @Test
    void blankAndNullCountAsMissing() {
        String doc = SPEC_EXAMPLE.replace("\"enterpriseName\": \"潍坊奎文智能装备有限公司\"", "\"enterpriseName\": \"   \"")
                .replace("\"WF-2024-000123\"", "null");

        assertThat(problems(doc)).extracting(Problem::field, Problem::code).containsExactlyInAnyOrder(
                tuple("enterpriseName", "field.required"), tuple("applicationId", "field.required"));
    }

    @Test
    void unknownFieldIsNamed() {
        String doc = SPEC_EXAMPLE.replace("\"applicationId\"", "\"subsidyRate\": 0.5, \"applicationId\"");

        assertThat(problems(doc)).extracting(Problem::field, Problem::code)
                .containsExactly(tuple("subsidyRate", "field.unknown"));
    }

    @Test
    void nestedPartsOfTheWrongShapeAreNamed() {
        String doc = SPEC_EXAMPLE.replace("\"applicationId\": \"WF-2024-000123\"", "\"applicationId\": [\"WF-1\"]")
                .replace("\"contact\": {", "\"contact\": \"王经理\", \"unused\": {")
                .replace("\"accountNo\": \"1607001109200012345\"", "\"accountNo\": \"\"")
                .replace("\"amounts\": {", "\"amounts\": 5, \"alsoUnused\": {");

        assertThat(problems(doc)).extracting(Problem::field, Problem::code).containsExactlyInAnyOrder(
                tuple("applicationId", "field.notText"), tuple("contact", "field.notObject"),
                tuple("unused", "field.unknown"), tuple("alsoUnused", "field.unknown"),
                tuple("amounts", "field.notObject"), tuple("bankAccount.accountNo", "field.required"));
    }

    @Test
    void overlongTextIsRefused() {
        String doc = SPEC_EXAMPLE.replace("\"enterpriseName\": \"潍坊奎文智能装备有限公司\"",
                "\"enterpriseName\": \"" + "很".repeat(201) + "\"");

        assertThat(problems(doc)).extracting(Problem::field, Problem::code)
                .containsExactly(tuple("enterpriseName", "field.tooLong"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"WF 2024 1", "../WF-1", "WF/1", "-WF-1", "申请-1"})
    void applicationIdMustBeASafeIdentifier(String id) {
        assertThat(problems(SPEC_EXAMPLE.replace("WF-2024-000123", id))).extracting(Problem::field, Problem::code)
                .containsExactly(tuple("applicationId", "applicationId.format"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"110101", "37070", "3707051", "county"})
    void countyOutsideWeifangIsUnknown(String county) {
        assertThat(problems(SPEC_EXAMPLE.replace("\"370705\"", "\"" + county + "\"")))
                .extracting(Problem::field, Problem::code).containsExactly(tuple("countyCode", "countyCode.unknown"));
    }

    // ---- money ----

    @Test
    void negativeMoneyIsRefused() {
        assertThat(amountProblem("-0.01")).isEqualTo("money.negative");
    }

    @Test
    void absurdMoneyIsRefused() {
        assertThat(amountProblem("1000000000000.00")).isEqualTo("money.tooLarge");
        assertThat(amountProblem("1e20")).isEqualTo("money.tooLarge");
        assertThat(amountProblem("1e10000000")).isEqualTo("money.tooLarge");
        assertThat(amountProblem("\"1e20\"")).isEqualTo("money.format");
        assertThat(json(SPEC_EXAMPLE.replace("12000000.00", "999999999999.99")).amounts())
                .containsEntry("equipmentInvestment", new BigDecimal("999999999999.99"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.001", "0.125", "1234567.8900000001", "12000000.000"})
    void moneyWithMoreThanTwoDecimalsIsRefused(String amount) {
        assertThat(amountProblem(amount)).isEqualTo("money.scale");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"12,000,000\"", "\"十二万\"", "\"\"", "[1]"})
    void moneyThatIsNotANumberIsRefused(String amount) {
        assertThat(amountProblem(amount)).isEqualTo("number.format");
    }

    @Test
    void moneyMayBeGivenAsText() {
        assertThat(json(SPEC_EXAMPLE.replace("12000000.00", "\"12000000.00\"")).amounts())
                .containsEntry("equipmentInvestment", new BigDecimal("12000000.00"));
    }

    // ---- dates ----

    @ParameterizedTest
    @ValueSource(strings = {"2024/11/20", "20241120", "2024-13-01", "2024-02-30", "20-11-2024", "2024-11-20T08:00:00",
            "2024年11月20日", "2024-1-2"})
    void eventDateMustBeAnIsoDate(String date) {
        assertThat(problems(SPEC_EXAMPLE.replace("2024-11-20", date))).extracting(Problem::field, Problem::code)
                .containsExactly(tuple("eventDate", "date.format"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999-12-31", "2101-01-01"})
    void eventDateFarOutsideThePolicyEraIsOutOfRange(String date) {
        assertThat(problems(SPEC_EXAMPLE.replace("2024-11-20", date))).extracting(Problem::field, Problem::code)
                .containsExactly(tuple("eventDate", "date.range"));
    }

    @Test
    void leapDayIsADate() {
        assertThat(json(SPEC_EXAMPLE.replace("2024-11-20", "2024-02-29")).eventDate())
                .isEqualTo(LocalDate.of(2024, 2, 29));
    }

    // ---- attachments ----

    @ParameterizedTest
    @ValueSource(strings = {"../secret.pdf", "a/b.pdf", "/etc/passwd", "..", "dir\\\\file.pdf", "C:\\\\x.pdf"})
    void attachmentNameWithPathComponentsIsRefused(String name) {
        String doc = SPEC_EXAMPLE.replace("[ { \"name\": \"认定文件.pdf\"",
                "[ { \"name\": \"ok.pdf\" }, { \"name\": \"" + name + "\"");

        assertThat(problems(doc)).extracting(Problem::field, Problem::code)
                .containsExactly(tuple("attachments[1].name", "attachment.path"));
    }

    @Test
    void attachmentProblemsNameTheItem() {
        String doc = SPEC_EXAMPLE.replace("[ { \"name\": \"认定文件.pdf\", \"sha256\": \"" + SHA + "\" } ]",
                "[ { \"name\": \"a.pdf\", \"sha256\": \"not-a-digest\" }, { \"sha256\": \"" + SHA + "\" }, \"b.pdf\" ]");

        assertThat(problems(doc)).extracting(Problem::field, Problem::code).containsExactlyInAnyOrder(
                tuple("attachments[0].sha256", "attachment.sha256"),
                tuple("attachments[1].name", "field.required"),
                tuple("attachments[2]", "field.notObject"));
    }

    @Test
    void attachmentsMustBeAList() {
        String doc = SPEC_EXAMPLE.replace("[ { \"name\": \"认定文件.pdf\", \"sha256\": \"" + SHA + "\" } ]", "\"a.pdf\"");

        assertThat(problems(doc)).extracting(Problem::field, Problem::code)
                .containsExactly(tuple("attachments", "field.notList"));
    }

    @Test
    void attachmentWithPathInXmlIsRefused() {
        String doc = SPEC_EXAMPLE_XML.replace("<name>认定文件.pdf</name>", "<name>../../etc/passwd</name>");

        assertThat(problems(() -> xml(doc))).extracting(Problem::field, Problem::code)
                .containsExactly(tuple("attachments[0].name", "attachment.path"));
    }

    // ---- XML with a DTD: refused before anything is expanded ----

    @Test
    void externalEntityIsRefusedWithoutReadingTheFile(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-MARKER");
        String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE application [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]>\n" + SPEC_EXAMPLE_XML.substring(SPEC_EXAMPLE_XML.indexOf("<application>"))
                .replace("潍坊奎文智能装备有限公司</enterpriseName>", "&xxe;</enterpriseName>");

        InvalidInputException refused = refusedXml(doc.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.problems()).containsExactly(Problem.of(null, "xml.dtd"));
        assertThat(refused).hasMessageNotContaining("TOP-SECRET-MARKER");
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"").append("&lol;".repeat(10)).append("\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String doc = "<?xml version=\"1.0\"?>" + dtd + "]><application><enterpriseName>&lol9;</enterpriseName></application>";

        assertThat(refusedXml(doc.getBytes(StandardCharsets.UTF_8)).problems())
                .containsExactly(Problem.of(null, "xml.dtd"));
    }

    @Test
    void parameterEntityAndExternalDtdAreRefused() {
        String parameter = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\"> %p;]><a/>";
        String external = "<!DOCTYPE application SYSTEM \"http://127.0.0.1:1/application.dtd\"><application/>";

        assertThat(refusedXml(parameter.getBytes(StandardCharsets.UTF_8)).problems())
                .containsExactly(Problem.of(null, "xml.dtd"));
        assertThat(refusedXml(external.getBytes(StandardCharsets.UTF_8)).problems())
                .containsExactly(Problem.of(null, "xml.dtd"));
    }

    @Test
    void doctypeAfterALongCommentIsStillRefused() {
        String doc = "<?xml version=\"1.0\"?><!--" + "x".repeat(10_000) + "--><!DOCTYPE application [<!ENTITY e \"x\">]>"
                + SPEC_EXAMPLE_XML.substring(SPEC_EXAMPLE_XML.indexOf("<application>"));

        assertThat(refusedXml(doc.getBytes(StandardCharsets.UTF_8)).problems())
                .containsExactly(Problem.of(null, "xml.dtd"));
    }

    @Test
    void doctypeInUtf16IsStillRefused() {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE application [<!ENTITY e \"x\">]>"
                + SPEC_EXAMPLE_XML.substring(SPEC_EXAMPLE_XML.indexOf("<application>"));

        assertThat(refusedXml(doc.getBytes(StandardCharsets.UTF_16)).problems())
                .containsExactly(Problem.of(null, "xml.dtd"));
    }

    @Test
    void undeclaredEntityWithoutDtdIsMalformed() {
        String doc = SPEC_EXAMPLE_XML.replace("潍坊奎文智能装备有限公司</enterpriseName>", "&xxe;</enterpriseName>");

        assertThat(refusedXml(doc.getBytes(StandardCharsets.UTF_8)).problems()).extracting(Problem::code)
                .containsExactly("syntax.malformed");
    }

    // ---- empty and malformed documents ----

    @Test
    void emptyDocumentsAreRefusedAsEmpty() {
        assertThat(problems(() -> PARSER.parse("a.json", new byte[0]))).extracting(Problem::code)
                .containsExactly("file.empty");
        assertThat(problems(() -> PARSER.parse("a.xml", new byte[0]))).extracting(Problem::code)
                .containsExactly("file.empty");
        assertThat(problems(() -> PARSER.parse("a.json", "  \n".getBytes(StandardCharsets.UTF_8))))
                .extracting(Problem::code).containsExactly("file.empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "42", "\"WF-1\""})
    void jsonThatIsNotAnObjectIsRefused(String doc) {
        assertThat(problems(doc)).extracting(Problem::code).containsExactly("application.notObject");
    }

    @Test
    void malformedJsonIsRefusedWithItsLine() {
        List<Problem> problems = problems(SPEC_EXAMPLE.replace("\"countyCode\": \"370705\",", "\"countyCode\": 370705\","));

        assertThat(problems).extracting(Problem::field, Problem::code).containsExactly(tuple(null, "syntax.malformed"));
        assertThat(problems.get(0).args().get(0)).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"applicationId\": }", "{'applicationId': 'WF-1'}", "{\"a\": 1,}"})
    void brokenJsonIsMalformed(String doc) {
        assertThat(problems(doc)).extracting(Problem::code).containsExactly("syntax.malformed");
    }

    @Test
    void contentAfterTheObjectIsMalformed() {
        assertThat(problems(SPEC_EXAMPLE + "\n{\"applicationId\": \"WF-2\"}")).extracting(Problem::code)
                .containsExactly("syntax.malformed");
    }

    @Test
    void aSecondApplicationAfterTheFirstIsMalformedNotIgnored() {
        String second = SPEC_EXAMPLE_XML.substring(SPEC_EXAMPLE_XML.indexOf("<application>"))
                .replace("WF-2024-000123", "WF-2024-000124");

        assertThat(problems(() -> xml(SPEC_EXAMPLE_XML + second))).extracting(Problem::code)
                .containsExactly("syntax.malformed");
    }

    @Test
    void trailingWhitespaceAndCommentsAfterTheRootAreFine() {
        assertThat(xml(SPEC_EXAMPLE_XML + "\n<!-- sent by the portal -->\n").applicationId()).isEqualTo("WF-2024-000123");
        assertThat(json(SPEC_EXAMPLE + "\n\n").applicationId()).isEqualTo("WF-2024-000123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<application><uscc></application>", "<application>", "not xml at all",
            "<a></a><b></b>"})
    void malformedXmlIsRefused(String doc) {
        assertThat(problems(() -> xml(doc))).extracting(Problem::code).containsExactly("syntax.malformed");
    }

    // ---- helpers ----

    private static AwardApplicationForm json(String doc) {
        return PARSER.parse("application.json", doc.getBytes(StandardCharsets.UTF_8));
    }

    private static AwardApplicationForm xml(String doc) {
        return PARSER.parse("application.xml", doc.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidInputException refusedXml(byte[] doc) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> PARSER.parse("application.xml", doc));
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    // ---- bad inputs (issue 6) ----

    @Test
    void formulaInAFreeTextFieldIsRefused() {
        String doc = SPEC_EXAMPLE.replace("\"enterpriseName\": \"潍坊奎文智能装备有限公司\"",
                "\"enterpriseName\": \"=cmd|' /C calc'!A0\"");
        assertThat(problems(doc)).extracting(Problem::field, Problem::code)
                .containsExactly(tuple("enterpriseName", "field.formula"));
    }

    @Test
    void jsonInGbkOrUtf16IsRefusedAsNotUtf8() {
        assertThat(problems(() -> PARSER.parse("a.json", SPEC_EXAMPLE.getBytes(Charset.forName("GBK")))))
                .extracting(Problem::code).containsExactly("json.encoding");
        assertThat(problems(() -> PARSER.parse("a.json", ("\uFEFF" + SPEC_EXAMPLE).getBytes(StandardCharsets.UTF_16LE))))
                .extracting(Problem::code).containsExactly("json.encoding");
    }

    @Test
    void deeplyNestedJsonIsRefusedAsTooDeep() {
        String doc = "{\"amounts\": " + "[".repeat(3000) + "]".repeat(3000) + "}";
        assertThat(problems(() -> PARSER.parse("a.json", doc.getBytes(StandardCharsets.UTF_8))))
                .extracting(Problem::code).containsExactly("json.tooDeep");
    }

    private static List<Problem> problems(String jsonDoc) {
        return problems(() -> json(jsonDoc));
    }

    private static List<Problem> problems(ThrowableAssert.ThrowingCallable parse) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, parse);
        assertThat(e).as("refused").isNotNull();
        return e.problems();
    }

    private static String amountProblem(String amount) {
        List<Problem> problems = problems(SPEC_EXAMPLE.replace("12000000.00", amount));
        assertThat(problems).extracting(Problem::field).containsExactly("amounts.equipmentInvestment");
        return problems.get(0).code();
    }

    @Test
    void refusalMessageListsEveryField() {
        assertThatThrownBy(() -> json("{}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContainingAll("applicationId: field.required", "eventDate: field.required");
    }
}
