package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.registry.Enterprise;
import cn.gov.sd.pilotzone.registry.EnterpriseRegistry;
import cn.gov.sd.pilotzone.registry.MuClasses;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.ProcessCases;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The award side of the task and case pages: an application case is named by its enterprise, opens at the
 * application page, is seen whole by whoever may see the application (the API's rule), and shows the filed data,
 * its steps, payments, the catalog's limits and every automated check.
 */
@Component
class AwardCases implements ProcessCases {

    /**
     * The award side of a case. {@code filed} is null when the stored payload no longer parses. {@code maximum} is
     * what the next review may approve (catalog rule and earlier reviewers' figures), {@code budgetLeft} what is
     * left this year of the policy's budget (null: no budget).
     */
    public record AwardCase(AwardApplication app, AwardApplicationForm filed, AwardPolicy policy, BigDecimal maximum,
                     List<AwardApplication.Event> events, List<Payments.Instruction> payments, BigDecimal budgetLeft,
                     List<Check> checks, String muClass, boolean priority) {
    }

    /**
     * One automated check as the case shows it: what is checked (bundle key {@code check.item.*}), whether it
     * passed, and the problems it found in words.
     */
    public record Check(String item, boolean passed, List<String> problems) {
    }

    /** The automated checks by the fields their problems name, in the order the checks run. */
    private static final List<Map.Entry<String, String>> CHECK_ITEMS = List.of(
            Map.entry("uscc", "uscc"), Map.entry("policy", "policyCode"), Map.entry("window", "eventDate"),
            Map.entry("credit", "uscc.credit"), Map.entry("inputs", "amounts"), Map.entry("attachments", "attachments"),
            Map.entry("bankAccount", "bankAccount"));

    private final ApplicationStore store;
    private final AwardAccess awardAccess;
    private final AwardCatalog catalog;
    private final AwardApplicationParser parser;
    private final Payments payments;
    private final MessageSource messages;
    private final AwardChecks awardChecks;
    private final EnterpriseRegistry enterprises;
    private final MuClasses muClasses;
    private final MoneyRules moneyRules;
    private final PolicyNames policyNames;

    AwardCases(ApplicationStore store, AwardAccess awardAccess, AwardCatalog catalog, AwardApplicationParser parser,
               Payments payments, MessageSource messages, AwardChecks awardChecks, EnterpriseRegistry enterprises,
               MuClasses muClasses, MoneyRules moneyRules, PolicyNames policyNames) {
        this.store = store;
        this.awardAccess = awardAccess;
        this.catalog = catalog;
        this.parser = parser;
        this.payments = payments;
        this.messages = messages;
        this.awardChecks = awardChecks;
        this.enterprises = enterprises;
        this.muClasses = muClasses;
        this.moneyRules = moneyRules;
        this.policyNames = policyNames;
    }

    @Override
    public String processDefinitionKey() {
        return AwardApplications.PROCESS;
    }

    @Override
    public String label(String applicationId) {
        return store.find(applicationId).map(a -> a.enterpriseName() + " · " + applicationId).orElse(applicationId);
    }

    @Override
    public String href(CaseRef ref) {
        return "/applications/" + ref.businessKey();
    }

    @Override
    public boolean seesWholeCase(Caller caller, CaseRef ref) {
        return ref.businessKey() != null && application(caller, ref.businessKey()).isPresent();
    }

    @Override
    public Optional<Object> detail(String applicationId) {
        return store.find(applicationId).map(this::award);
    }

    @Override
    public Optional<CaseSummary> summary(String applicationId) {
        return store.find(applicationId).map(a -> new CaseSummary(a.enterpriseName(), a.uscc(), a.countyCode(),
                a.policyCode(), policyNames.name(a.policyCode()), a.amount(), a.status().name()));
    }

    /** The application, if the caller may see it. */
    Optional<AwardApplication> application(Caller caller, String applicationId) {
        return store.find(applicationId).filter(a -> awardAccess.canSee(caller, a));
    }

    AwardCase award(AwardApplication app) {
        AwardApplicationForm filed;
        try {
            filed = app.payload() == null ? null : parser.parseJson(app.payload().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidInputException | IllegalArgumentException e) {
            filed = null;
        }
        Optional<AwardPolicy> policy = catalog.find(app.policyCode());
        AwardApplicationForm f = filed;
        List<AwardApplication.Event> events = store.events(app.applicationId());
        BigDecimal maximum = policy.flatMap(p -> {
            try {
                return f == null ? Optional.empty()
                        : MoneyRules.ceiling(p, f.amounts(), MoneyRules.earlierFigures(app, events));
            } catch (RuntimeException badInputs) {
                return Optional.empty();
            }
        }).orElse(null);
        String muClass = enterprises.find(app.uscc()).map(Enterprise::muClass)
                .orElse(null);
        return new AwardCase(app, filed, policy.orElse(null), maximum, events,
                payments.ofApplication(app.applicationId()), moneyRules.budgetLeft(app.policyCode()).orElse(null),
                filed == null ? List.of() : checks(filed), muClass, muClasses.priority(muClass));
    }

    /**
     * Every automated check with its result, evaluated again on the filed data (the same rules as the process's
     * step; the credit check against today's records).
     */
    private List<Check> checks(AwardApplicationForm filed) {
        List<Problem> problems = awardChecks.evaluate(filed).problems();
        Locale locale = LocaleContextHolder.getLocale();
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, String> item : CHECK_ITEMS) {
            List<String> found = problems.stream().filter(p -> belongs(p, item.getValue()))
                    .map(p -> (p.field() != null && p.field().startsWith("amounts.")
                            ? messages.getMessage("input." + p.field().substring(8), null, p.field().substring(8),
                                    locale) + "："
                            : "") + messages.getMessage(p.code(), p.args().toArray(), p.code(), locale))
                    .toList();
            checks.add(new Check(item.getKey(), found.isEmpty(), found));
        }
        return checks;
    }

    private static boolean belongs(Problem p, String field) {
        return switch (field) {
            case "uscc" -> "uscc".equals(p.field()) && !"check.creditRecord".equals(p.code());
            case "uscc.credit" -> "check.creditRecord".equals(p.code());
            case "policyCode" -> "policyCode".equals(p.field()) && !"check.duplicateAward".equals(p.code());
            case "amounts" -> p.field() != null && p.field().startsWith("amounts.");
            default -> field.equals(p.field());
        };
    }
}
