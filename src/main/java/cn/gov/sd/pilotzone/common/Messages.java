package cn.gov.sd.pilotzone.common;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
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

    /** "中文 / English", as files and logs read by both clerks and integrators show it. */
    public String bilingual(Problem p) {
        return render(p, CHINESE) + " / " + render(p, Locale.ENGLISH);
    }

    public List<String> bilingual(List<Problem> problems) {
        return problems.stream().map(this::bilingual).toList();
    }
}
