package cn.gov.sd.pilotzone.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages show values ({@code ${@fmt.yuan(x)}} in templates): times in the people's zone (Asia/Shanghai, they
 * are stored in UTC), money in 元 with thousands separators and in 万元, county and status names in the page's
 * language. Names that a feature owns are its own beans ({@code @bureauNames}, {@code @policyNames}).
 */
@Component("fmt")
public class UiFormat {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10000);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;
    private final Clock clock;
    private final MessageSource messages;

    public UiFormat(@Value("${hub.ui.time-zone:Asia/Shanghai}") ZoneId zone, Clock clock, MessageSource messages) {
        this.zone = zone;
        this.clock = clock;
        this.messages = messages;
    }

    public ZoneId zone() {
        return zone;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** 1234567.8 → "1,234,567.80" (yuan, always two decimals). */
    public String yuan(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * An amount in words of the page's language: "800,000.00 元 (80.00 万元)"; in English in yuan alone
     * ("800,000.00 yuan"), since 万 has no English unit (tables in 万元 say "10,000 yuan" in their headers).
     */
    public String amount(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return english() ? yuanText(amount) : yuanText(amount) + " (" + wanText(amount) + ")";
    }

    /**
     * "800,000.00 元" ("800,000.00 yuan" in English). Pages join an amount and its unit here, not in the template:
     * Thymeleaf's {@code |…|} and {@code +} try each part as a number first, and a text that starts with a digit
     * but is none ("800,000.00", a time) costs a NumberFormatException each time (README "Performance").
     */
    public String yuanText(BigDecimal amount) {
        return amount == null ? "" : yuan(amount) + " " + msg("ui.unit.yuan", "元");
    }

    /** "80.00 万元": see {@link #yuanText}. */
    public String wanText(BigDecimal amount) {
        return amount == null ? "" : wan(amount) + " " + msg("ui.unit.wan", "万元");
    }

    /** 1234567.8 → "123.4568" (万元, up to four decimals so no yuan is hidden; at least two). */
    public String wan(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal wan = amount.divide(TEN_THOUSAND, 4, RoundingMode.HALF_UP).stripTrailingZeros();
        if (wan.scale() < 2) {
            wan = wan.setScale(2);
        }
        DecimalFormat f = new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(wan);
    }

    public BigDecimal sum(Collection<BigDecimal> amounts) {
        return amounts.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The line of an {@code .error.txt} report that says what is wrong: its first problem ("- …"), else its first
     * line (the report starts with a headline and the feed, file and time).
     */
    public String reasonSummary(String report) {
        if (report == null) {
            return "";
        }
        return report.lines().filter(l -> l.startsWith("- ")).map(l -> l.substring(2)).findFirst()
                .orElse(report.lines().findFirst().orElse(""));
    }

    /** Whether an application input is money (BigDecimal yuan), as opposed to a count or a flag. */
    public boolean isMoney(Object value) {
        return value instanceof BigDecimal;
    }

    public boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** County by GB/T 2260 code, e.g. 370705 → 奎文区 / Kuiwen District; the code itself when unknown. */
    public String county(String code) {
        return code == null ? "" : msg("county." + code, code);
    }

    /** An application status, a step or a decision code in the page's language, the code when there is no name. */
    public String status(String code) {
        return code == null ? "" : msg("status." + code, code);
    }

    public String step(String code) {
        return code == null ? "" : msg("step." + code, code);
    }

    public String decision(String code) {
        return code == null ? "" : msg("decision." + code, code);
    }

    /** A text of the bundles in the page's language. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /**
     * The decision column of an award case's history in words: the case's end status, a payment receipt's
     * status, or a reviewer's decision.
     */
    public String eventDecision(String step, String decision) {
        if (decision == null) {
            return "";
        }
        return switch (step == null ? "" : step) {
            case "end" -> status(decision);
            case "paymentReceipt" -> status("PAYMENT_" + decision);
            case "submitted" -> status(decision);
            default -> decision(decision);
        };
    }

    /**
     * A task's name in the page's language: in English the process's name for the task
     * ({@code bpmn.<processKey>.<taskKey>}) followed by what the instance added to the BPMN's name (a zone task's
     * code and title); in Chinese the task's own name.
     */
    public String task(String processKey, String taskKey, String name) {
        if (!english() || processKey == null || taskKey == null) {
            return name;
        }
        String key = "bpmn." + processKey + "." + taskKey;
        String english = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
        if (english == null) {
            return name;
        }
        String chinese = messages.getMessage(key, null, "", Locale.SIMPLIFIED_CHINESE);
        return name != null && !chinese.isEmpty() && name.startsWith(chinese)
                ? english + name.substring(chinese.length()) : english;
    }

    public String process(String key, String fallback) {
        return key == null ? "" : msg("process." + key, fallback == null ? key : fallback);
    }

    public boolean overdue(Instant due) {
        return due != null && due.isBefore(clock.instant());
    }

    /** Whole days past due, counted from the due time (0 while not overdue). */
    public long overdueDays(Instant due) {
        if (!overdue(due)) {
            return 0;
        }
        return Duration.between(due, clock.instant()).toDays();
    }

    /**
     * How late a task is, in words: whole days from the first full day, hours before that ("超期 5 小时", never
     * "超期 0 天"); empty while not overdue.
     */
    public String late(Instant due) {
        if (!overdue(due)) {
            return "";
        }
        return span("ui.late", Duration.between(due, clock.instant()));
    }

    /** How long until a task is due ("2 天后到期", "5 小时后到期"); empty when it is overdue or has no due date. */
    public String dueIn(Instant due) {
        if (due == null || overdue(due)) {
            return "";
        }
        return span("ui.dueIn", Duration.between(clock.instant(), due));
    }

    private String span(String prefix, Duration d) {
        Locale locale = LocaleContextHolder.getLocale();
        if (d.toDays() >= 1) {
            return messages.getMessage(prefix + ".days", new Object[] {d.toDays()}, locale);
        }
        return messages.getMessage(prefix + ".hours", new Object[] {Math.max(1, d.toHours())}, locale);
    }

    private String msg(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
