package cn.gov.sd.pilotzone.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.HubUser;
import cn.gov.sd.pilotzone.security.Role;
import cn.gov.sd.pilotzone.security.Accounts;

import org.flowable.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working as a team: a clerk hands a task to a colleague of the same bureau; a supervisor gives a task to another
 * clerk of its bureaus and moves its due date. Each change is a comment in the case's history with its reason, and
 * an event ({@link Reassigned}) that the notices turn into a notice for the new assignee.
 */
@Service
public class TaskTeam {

    /** A task that got a new assignee or due date; {@code by} is who changed it, {@code note} why. */
    public record Reassigned(TaskView task, String assignee, Instant due, String by, String note) {
    }

    static final int MAX_NOTE = 500;

    private final Tasks tasks;
    private final TaskService taskService;
    private final Accounts users;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;
    private final FlowableUser flowableUser;

    TaskTeam(Tasks tasks, TaskService taskService, Accounts users, ApplicationEventPublisher events,
             @Value("${hub.ui.time-zone:Asia/Shanghai}") ZoneId zone, FlowableUser flowableUser) {
        this.flowableUser = flowableUser;
        this.tasks = tasks;
        this.taskService = taskService;
        this.users = users;
        this.events = events;
        this.zone = zone;
    }

    /** Colleagues the caller can hand a task to: the other clerks of their bureau. */
    public List<HubUser> colleagues(Caller caller) {
        if (!caller.isClerk()) {
            return List.of();
        }
        return users.clerksOf(caller.bureauCode()).stream().filter(u -> !u.username().equals(caller.username()))
                .toList();
    }

    /** The clerks a supervisor may give a task of this bureau (candidate group) to. */
    public List<HubUser> clerksOfBureau(String bureauCode) {
        return users.clerksOf(bureauCode);
    }

    @Transactional
    public void handOver(Caller caller, String taskId, String colleague, String note) {
        TaskView task = tasks.visible(caller, taskId);
        if (task.assignee() != null && !task.assignee().equals(caller.username())) {
            throw new InvalidInputException(Problem.of("task", "task.claimedByOther", task.assignee()));
        }
        List<Problem> problems = new ArrayList<>();
        HubUser to = colleague == null || colleague.isBlank() ? null : users.find(colleague.strip()).orElse(null);
        if (colleague == null || colleague.isBlank()) {
            problems.add(Problem.of("colleague", "field.required"));
        } else if (to == null || to.role() != Role.CLERK || !caller.isClerk()
                || !caller.bureauCode().equals(to.bureauCode()) || to.username().equals(caller.username())) {
            problems.add(Problem.of("colleague", "task.notAColleague", colleague));
        }
        checkNote(note, "note", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        taskService.setAssignee(taskId, to.username());
        String text = blankToNull(note);
        comment(caller, task, "转交给 " + name(to) + (text == null ? "" : "：" + text));
        events.publishEvent(new Reassigned(task, to.username(), null, caller.username(), text));
    }

    /**
     * A supervisor's change: another assignee among the task's bureaus' clerks ({@code ""} gives it back to the
     * bureau), and/or a new due date (end of that day in the people's zone). The reason is required.
     */
    @Transactional
    public void reassign(Caller caller, String taskId, String assignee, LocalDate due, String reason) {
        if (caller.role() != Role.SUPERVISOR && caller.role() != Role.ADMIN) {
            throw new Tasks.TaskNotFoundException(taskId);
        }
        TaskView task = tasks.overseen(caller, taskId);
        List<Problem> problems = new ArrayList<>();
        HubUser to = assignee == null || assignee.isBlank() ? null : users.find(assignee.strip()).orElse(null);
        if (assignee != null && !assignee.isBlank() && (to == null || to.role() != Role.CLERK
                || !task.candidateGroups().contains(to.bureauCode()))) {
            problems.add(Problem.of("assignee", "task.notOfItsBureaus", assignee));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of("reason", "field.required"));
        }
        checkNote(reason, "reason", problems);
        if (to == null && due == null && problems.isEmpty()) {
            problems.add(Problem.of("assignee", "task.nothingToChange"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        StringBuilder text = new StringBuilder("督办调整：");
        if (to != null) {
            taskService.setAssignee(taskId, to.username());
            text.append("改由 ").append(name(to)).append(" 办理；");
        }
        Instant dueAt = null;
        if (due != null) {
            dueAt = due.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(60);
            taskService.setDueDate(taskId, Date.from(dueAt));
            text.append("到期日改为 ").append(due).append("；");
        }
        text.append("理由：").append(reason.strip());
        comment(caller, task, text.toString());
        events.publishEvent(new Reassigned(task, to == null ? task.assignee() : to.username(), dueAt,
                caller.username(), reason.strip()));
    }

    private void comment(Caller caller, TaskView task, String text) {
        flowableUser.as(caller.username(), () -> taskService.addComment(task.id(), task.processInstanceId(), text));
    }

    private static String name(HubUser u) {
        return u.displayName() == null || u.displayName().isBlank() ? u.username()
                : u.displayName() + "（" + u.username() + "）";
    }

    private static void checkNote(String note, String field, List<Problem> problems) {
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(Problem.of(field, "field.tooLong", MAX_NOTE));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
