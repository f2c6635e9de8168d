package cn.gov.sd.pilotzone.common;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Renders message codes from the bundles: Chinese for people by default, English alongside. */
@Component
public class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String code, Locale locale, Object... args) {
        return source.getMessage(code, args, code, locale);
    }

    public String render(Problem p, Locale locale) {
        String text = get(p.code(), locale, p.args().toArray());
        if (p.line() > 0) {
            return p.field() == null ? get("problem.atLineOnly", locale, p.line(), text)
                    : get("problem.atLine", locale, p.line(), p.field(), text);
        }
        return p.field() == null ? text : get("problem.atField", locale, p.field(), text);
    }

    /** Problems as one line, each with its field's name in the page's language ("同事：必填"). */
    public String withFieldNames(List<Problem> problems, Locale locale) {
        return String.join("；", problems.stream().map(p -> p.field() == null || "task".equals(p.field())
                ? get(p.code(), locale, p.args().toArray())
                : get("ui.field." + p.field(), locale) + "：" + get(p.code(), locale, p.args().toArray())).toList());
    }

    /** "中文 / English", as files and logs read by both clerks and integrators show it. */
    public String bilingual(Problem p) {
        return render(p, CHINESE) + " / " + render(p, Locale.ENGLISH);
    }

    /** A name as the current request's language shows it: the English one on English pages, when there is one. */
    public static String localized(String chinese, String english) {
        return english != null && "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? english : chinese;
    }

    public List<String> bilingual(List<Problem> problems) {
        return problems.stream().map(this::bilingual).toList();
    }
}
