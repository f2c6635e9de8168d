package cn.gov.sd.pilotzone.notice;

import java.util.List;
import java.util.Set;

import cn.gov.sd.pilotzone.security.Who;
import cn.gov.sd.pilotzone.task.TaskView;

import org.springframework.stereotype.Component;

/**
 * The badges that notices put on pages: the navigation bar's count of unread notices
 * ({@code ${@noticeBadges.unread()}}, on every page), and 退回 on the task list's returned tasks.
 */
@Component("noticeBadges")
class NoticeBadges {

    private final Notices notices;
    private final Who who;

    NoticeBadges(Notices notices, Who who) {
        this.notices = notices;
        this.who = who;
    }

    /** The badge shows up to this many unread notices, then "99+", and counts no further. */
    static final long SHOWN = 99;

    /** The navigation bar's badge; empty when nothing is unread or nobody is logged in (login, error pages). */
    public String unread() {
        Who.Me me = who.me();
        long n = me == null ? 0 : notices.unread(me.caller(), SHOWN + 1);
        return n == 0 ? "" : n > SHOWN ? SHOWN + "+" : Long.toString(n);
    }

    /** Which of a page of tasks came back to their bureau (a reviewer returned them): one query for the page. */
    public Set<String> returned(List<TaskView> tasks) {
        return notices.returned(tasks.stream().map(TaskView::id).toList());
    }
}
