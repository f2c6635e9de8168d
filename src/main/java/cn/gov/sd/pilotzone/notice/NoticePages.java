package cn.gov.sd.pilotzone.notice;

import java.util.List;

import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.Cases;
import cn.gov.sd.pilotzone.task.Tasks;
import cn.gov.sd.pilotzone.ui.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The caller's notices (通知): new, returned, due-soon, overdue, reminded and handed-over work of their bureau and
 * their own. Opening one marks it read and goes to its task, or to its case once the task is done.
 */
@PageController
class NoticePages {

    static final int PAGE_SIZE = 30;

    private final Notices notices;
    private final Tasks tasks;
    private final Cases cases;

    NoticePages(Notices notices, Tasks tasks, Cases cases) {
        this.notices = notices;
        this.tasks = tasks;
        this.cases = cases;
    }

    @GetMapping("/notices")
    String list(Caller caller, Model model, @RequestParam(defaultValue = "0") int page) {
        long total = notices.count(caller);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        List<Notice> list = notices.of(caller, current, PAGE_SIZE);
        model.addAttribute("notices", list);
        model.addAttribute("total", total);
        model.addAttribute("unread", notices.unread(caller));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "notices";
    }

    @PostMapping("/notices/{id}/open")
    String open(Caller caller, @PathVariable long id) {
        if (!notices.markRead(caller, id)) {
            return "redirect:/notices";
        }
        Notice n = notices.of(caller, id);
        if (n.taskId() != null) {
            try {
                tasks.visible(caller, n.taskId());
                return "redirect:/tasks/" + n.taskId();
            } catch (Tasks.TaskNotFoundException doneOrHandedOn) {
                // the task is done or no longer the caller's: its case tells what became of it
            }
        }
        return n.processInstanceId() == null ? "redirect:/notices"
                : "redirect:" + cases.href(n.processKey(), n.businessKey(), n.processInstanceId());
    }

    @PostMapping("/notices/read")
    String readAll(Caller caller) {
        notices.markAllRead(caller);
        return "redirect:/notices";
    }
}
