package cn.gov.sd.pilotzone.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.TaskSearch;
import cn.gov.sd.pilotzone.task.TaskView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells bureaus of work that is due soon (within {@code hub.supervision.warning-window}) or overdue: one notice per
 * task, kind and due date, so a changed due date is told again and a repeated sweep tells nothing twice.
 */
@Component
class DueSweep {

    private static final Caller SWEEP = Caller.system("notice-sweep");

    private final TaskSearch search;
    private final Notices notices;
    private final Clock clock;
    private final Duration window;

    DueSweep(TaskSearch search, Notices notices, Clock clock,
             @Value("${hub.supervision.warning-window:P3D}") Duration window) {
        this.search = search;
        this.notices = notices;
        this.clock = clock;
        this.window = window;
    }

    /** Returns how many notices it wrote. */
    @Scheduled(initialDelayString = "${hub.notice.due-sweep:PT5M}", fixedDelayString = "${hub.notice.due-sweep:PT5M}")
    int sweep() {
        Instant now = clock.instant();
        List<TaskView> due = search.dueBefore(SWEEP, now.plus(window), null, null, null);
        List<String> keys = new ArrayList<>();
        for (TaskView t : due) {
            keys.add(key(t, now));
        }
        Set<String> existing = new HashSet<>(notices.existingKeys(keys));
        int written = 0;
        for (TaskView t : due) {
            String key = key(t, now);
            if (existing.contains(key)) {
                continue;
            }
            Notice.Kind kind = kind(t, now);
            Notices.About about = new Notices.About(t.id(), t.name(), t.processDefinitionKey(),
                    t.processInstanceId(), t.businessKey(), t.due());
            // one row carries the key; the task's other groups get theirs without it
            boolean first = true;
            for (String group : t.candidateGroups().isEmpty() ? List.<String>of() : t.candidateGroups()) {
                if (first) {
                    if (!notices.once(group, null, kind, about, key)) {
                        break;
                    }
                    first = false;
                } else {
                    notices.toBureau(group, kind, about, null, null);
                }
                written++;
            }
            if (t.candidateGroups().isEmpty() && t.assignee() != null && notices.once(null, t.assignee(), kind,
                    about, key)) {
                written++;
            }
        }
        return written;
    }

    private static Notice.Kind kind(TaskView t, Instant now) {
        return t.due().isBefore(now) ? Notice.Kind.OVERDUE : Notice.Kind.DUE_SOON;
    }

    private static String key(TaskView t, Instant now) {
        return kind(t, now) + ":" + t.id() + ":" + t.due().toEpochMilli();
    }
}
