package cn.gov.sd.pilotzone.notice;

import java.util.List;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.task.TaskView;
import cn.gov.sd.pilotzone.task.Tasks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催办: a supervisor reminds the bureaus of an open task. The reminder is a notice to each bureau the task is offered
 * to (or to its assignee), carrying who reminded and what they wrote, so the supervision list can show who reminded
 * whom and when.
 */
@Service
public class Reminders {

    static final int MAX_NOTE = 500;

    private final Tasks tasks;
    private final Notices notices;

    Reminders(Tasks tasks, Notices notices) {
        this.tasks = tasks;
        this.notices = notices;
    }

    /** Returns the bureaus (candidate groups) or the person reminded. */
    @Transactional
    public List<String> remind(Caller caller, String taskId, String note) {
        if (!caller.seesEverything()) {
            throw new Tasks.TaskNotFoundException(taskId);
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException(Problem.of("note", "field.tooLong", MAX_NOTE));
        }
        TaskView task = tasks.overseen(caller, taskId);
        Notices.About about = new Notices.About(task.id(), task.name(), task.processDefinitionKey(),
                task.processInstanceId(), task.businessKey(), task.due());
        String text = note == null || note.isBlank() ? null : note.strip();
        if (task.candidateGroups().isEmpty()) {
            if (task.assignee() == null) {
                throw new InvalidInputException(Problem.of("task", "notice.nobodyToRemind"));
            }
            notices.toPerson(task.assignee(), Notice.Kind.REMINDED, about, caller.username(), text);
            return List.of(task.assignee());
        }
        for (String group : task.candidateGroups()) {
            notices.toBureau(group, Notice.Kind.REMINDED, about, caller.username(), text);
        }
        return task.candidateGroups();
    }
}
