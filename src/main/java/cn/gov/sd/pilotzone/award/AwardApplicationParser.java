package cn.gov.sd.pilotzone.award;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;

import cn.gov.sd.pilotzone.award.AwardApplicationForm.Attachment;
import cn.gov.sd.pilotzone.award.AwardApplicationForm.BankAccount;
import cn.gov.sd.pilotzone.award.AwardApplicationForm.Contact;
import cn.gov.sd.pilotzone.common.FreeText;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Money;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.JsonFiles;
import cn.gov.sd.pilotzone.registry.BureauDirectory;
import cn.gov.sd.pilotzone.registry.Uscc;

import org.springframework.stereotype.Component;

/**
 * Reads an award application from JSON or XML and checks its form: every field's type and format, the USCC,
 * the policy code and the county. All problems are collected, so a 400 or an error file names each bad field.
 * Business rules (validity window, credit, inputs, earlier awards) are the process's automated checks.
 * XML with a DTD is refused outright: no entity of any kind is expanded (XXE, billion laughs).
 */
@Component
public class AwardApplicationParser {

    static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final Pattern COUNTY_CODE = Pattern.compile("\\d{6}");
    static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Set<String> FIELDS = Set.of("applicationId", "uscc", "enterpriseName", "countyCode",
            "policyCode", "eventDate", "amounts", "contact", "bankAccount", "attachments");

    // money is never a double: 1234567.8900000001 must stay what was filed (and be refused), not round to .89
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final XMLInputFactory xmlInput;
    private final XmlMapper xml;
    private final AwardCatalog catalog;
    private final BureauDirectory bureaus;

    public AwardApplicationParser(AwardCatalog catalog, BureauDirectory bureaus) {
        this.catalog = catalog;
        this.bureaus = bureaus;
        XMLInputFactory in = XMLInputFactory.newFactory();
        in.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        in.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        this.xmlInput = in;
        this.xml = new XmlMapper(new XmlFactory(in));
        xml.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public AwardApplicationForm parse(String fileName, byte[] content) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xml") ? parseXml(content) : parseJson(content);
    }

    public AwardApplicationForm parseJson(byte[] content) {
        return read(tree(json, content));
    }

    public AwardApplicationForm parseXml(byte[] content) {
        if (declaresDtd(content)) {
            throw new InvalidInputException(Problem.of(null, "xml.dtd"));
        }
        return read(tree(xml, content));
    }

    /**
     * Whether the prolog has a DOCTYPE, found by the XML parser itself (so in any encoding and after any comment,
     * unlike a text search); the internal subset is skipped, not processed. A DTD can only precede the root
     * element, so the scan stops there. A malformed prolog is left to the tree parse to report.
     */
    private boolean declaresDtd(byte[] content) {
        try {
            XMLStreamReader reader = xmlInput.createXMLStreamReader(new ByteArrayInputStream(content));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        return true;
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        return false;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            // not well-formed: reported by the tree parse
        }
        return false;
    }

    private static JsonNode tree(ObjectMapper mapper, byte[] content) {
        JsonNode node = JsonFiles.read(mapper, content, !(mapper instanceof XmlMapper));
        if (!node.isObject()) {
            throw new InvalidInputException(Problem.of(null, "application.notObject"));
        }
        return node;
    }

    /** Checks the form of an application given as a JSON tree (XML trees have text everywhere). */
    public AwardApplicationForm read(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                problems.add(Problem.of(f, "field.unknown"));
            }
        });
        String applicationId = text(root, "applicationId", true, problems);
        if (applicationId != null && !APPLICATION_ID.matcher(applicationId).matches()) {
            problems.add(Problem.of("applicationId", "applicationId.format"));
        }
        String uscc = text(root, "uscc", true, problems);
        if (uscc != null) {
            Uscc.problem(uscc).ifPresent(code -> problems.add(Problem.of("uscc", code)));
        }
        String enterpriseName = freeText(root, "enterpriseName", "enterpriseName", true, problems);
        String countyCode = text(root, "countyCode", true, problems);
        if (countyCode != null && (!COUNTY_CODE.matcher(countyCode).matches() || bureaus.county(countyCode).isEmpty())) {
            problems.add(Problem.of("countyCode", "countyCode.unknown", countyCode));
        }
        String policyCode = text(root, "policyCode", true, problems);
        if (policyCode != null && catalog.find(policyCode).isEmpty()) {
            problems.add(Problem.of("policyCode", "policyCode.unknown", policyCode));
        }
        LocalDate eventDate = date(root, "eventDate", problems);
        Map<String, Object> amounts = amounts(root.get("amounts"), problems);
        JsonNode c = object(root, "contact", problems);
        Contact contact = c == null ? null
                : new Contact(freeText(c, "name", "contact.name", false, problems),
                        freeText(c, "phone", "contact.phone", false, problems));
        JsonNode b = object(root, "bankAccount", problems);
        BankAccount bank = b == null ? null : new BankAccount(freeText(b, "bankName", "bankAccount.bankName", true, problems),
                freeText(b, "accountName", "bankAccount.accountName", true, problems),
                freeText(b, "accountNo", "bankAccount.accountNo", true, problems));
        if (bank != null && bank.accountNo() != null) {
            MoneyRules.accountProblem("bankAccount.accountNo", bank.accountNo()).ifPresent(problems::add);
        }
        List<Attachment> attachments = attachments(root.get("attachments"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AwardApplicationForm(applicationId, uscc, enterpriseName, countyCode, policyCode, eventDate,
                amounts, contact, bank, attachments);
    }

    /**
     * Free text (names, contact, bank account): refused when a spreadsheet would run it as a formula, because it
     * goes on to the finance bureau's CSV and to Excel exports. Codes and ids have stricter formats of their own.
     */
    private static String freeText(JsonNode node, String name, String path, boolean required, List<Problem> problems) {
        String s = text(node, name, path, required, problems);
        if (FreeText.formula(s)) {
            problems.add(Problem.of(path, "field.formula"));
            return null;
        }
        return s;
    }

    private static String text(JsonNode node, String name, boolean required, List<Problem> problems) {
        return text(node, name, name, required, problems);
    }

    private static String text(JsonNode node, String name, String path, boolean required, List<Problem> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                problems.add(Problem.of(path, "field.required"));
            }
            return null;
        }
        if (!v.isValueNode()) {
            problems.add(Problem.of(path, "field.notText"));
            return null;
        }
        String s = v.asText().strip();
        if (s.length() > 200) {
            problems.add(Problem.of(path, "field.tooLong", 200));
            return null;
        }
        return s;
    }

    private static LocalDate date(JsonNode node, String name, List<Problem> problems) {
        String s = text(node, name, true, problems);
        if (s == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(s);
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                problems.add(Problem.of(name, "date.range", s));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(name, "date.format", s));
            return null;
        }
    }

    private static JsonNode object(JsonNode root, String name, List<Problem> problems) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            problems.add(Problem.of(name, "field.notObject"));
            return null;
        }
        return v;
    }

    private static Map<String, Object> amounts(JsonNode node, List<Problem> problems) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isObject()) {
            problems.add(Problem.of("amounts", "field.notObject"));
            return result;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "amounts." + e.getKey();
            JsonNode v = e.getValue();
            String s = v.asText().strip();
            if (v.isBoolean() || "true".equals(s) || "false".equals(s)) {
                result.put(e.getKey(), v.isBoolean() ? v.booleanValue() : Boolean.valueOf(s));
                continue;
            }
            // the hub's one rule for amounts (docs/money-rules.md): a JSON number by its precision and scale,
            // text by its plain form, both before any arithmetic
            // a mapper that reads floats as doubles (the API's) turns 1e10000000 into Infinity, which has no decimal
            if (v.isFloatingPointNumber() && !v.isBigDecimal() && !Double.isFinite(v.doubleValue())) {
                problems.add(Problem.of(path, "money.tooLarge", Money.LIMIT));
                continue;
            }
            try {
                result.put(e.getKey(), v.isNumber() ? Money.check(path, v.decimalValue(), Money.Sign.NON_NEGATIVE)
                        : Money.parse(path, s, Money.Sign.NON_NEGATIVE));
            } catch (InvalidInputException ex) {
                problems.addAll(ex.problems());
            }
        }
        return result;
    }

    private static List<Attachment> attachments(JsonNode node, List<Problem> problems) {
        List<Attachment> result = new ArrayList<>();
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return result;
        }
        // XML reads <attachments><attachment>…</attachment></attachments> as an object holding one or many
        JsonNode items = node.isObject() && node.has("attachment") ? node.get("attachment") : node;
        if (items.isObject()) {
            items = json().createArrayNode().add(items);
        }
        if (!items.isArray()) {
            problems.add(Problem.of("attachments", "field.notList"));
            return result;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode a = items.get(i);
            String path = "attachments[" + i + "]";
            String name = a.isObject() ? freeText(a, "name", path + ".name", true, problems) : null;
            String sha = a.isObject() ? text(a, "sha256", path + ".sha256", false, problems) : null;
            if (!a.isObject()) {
                problems.add(Problem.of(path, "field.notObject"));
            } else if (name != null && (name.contains("/") || name.contains("\\") || name.contains(".."))) {
                problems.add(Problem.of(path + ".name", "attachment.path"));
            } else if (sha != null && !SHA256.matcher(sha).matches()) {
                problems.add(Problem.of(path + ".sha256", "attachment.sha256"));
            } else if (name != null) {
                result.add(new Attachment(name, sha));
            }
        }
        return result;
    }

    private static ObjectMapper json() {
        return new ObjectMapper();
    }
}
