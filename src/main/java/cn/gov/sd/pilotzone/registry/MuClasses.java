package cn.gov.sd.pilotzone.registry;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 亩产效益 classes A–D of the enterprise registry (seed 001 item 17, evaluated by the counties) and which of them
 * get priority: seed 000 (潍坊市创建制造业高质量发展试验区总体方案) 三、主要任务 (五) 1.建立淘汰落后产能长效机制
 * “建立‘亩产效益’综合评价结果运用机制……优先保障A类企业发展要素需求”. The priority classes are configuration
 * ({@code hub.registry.priority-mu-classes}, default A), so a county that also favours B needs no code change.
 */
@Component
public class MuClasses {

    private final Set<String> priority;

    public MuClasses(@Value("${hub.registry.priority-mu-classes:A}") List<String> priority) {
        this.priority = Set.copyOf(priority.stream().map(c -> normalize(c).orElseThrow(
                () -> new IllegalArgumentException("hub.registry.priority-mu-classes: not a class A–D: " + c))).toList());
    }

    /** Whether an enterprise of this class is flagged for priority (null class: never). */
    public boolean priority(String muClass) {
        return muClass != null && priority.contains(muClass);
    }

    /**
     * The class a bureau's spreadsheet means: "A", "a", full-width "Ａ" or "A类" are all class A. Empty for
     * anything else, which the feed reports as a bad cell rather than guessing.
     */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        if (s.endsWith("类")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.matches("[ABCD]") ? Optional.of(s) : Optional.empty();
    }
}
