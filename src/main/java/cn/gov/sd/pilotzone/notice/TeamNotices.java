package cn.gov.sd.pilotzone.notice;

import cn.gov.sd.pilotzone.task.TaskTeam;
import cn.gov.sd.pilotzone.task.TaskView;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the new assignee of a handed-over or reassigned task, and the task's bureaus of a moved due date, in the
 * transaction of the change.
 */
@Component
class TeamNotices {

    private final Notices notices;

    TeamNotices(Notices notices) {
        this.notices = notices;
    }

    @EventListener
    void on(TaskTeam.Reassigned change) {
        TaskView t = change.task();
        Notices.About about = new Notices.About(t.id(), t.name(), t.processDefinitionKey(), t.processInstanceId(),
                t.businessKey(), change.due() == null ? t.due() : change.due());
        if (change.assignee() != null && !change.assignee().equals(t.assignee())) {
            notices.toPerson(change.assignee(), Notice.Kind.HANDED_OVER, about, change.by(), change.note());
        }
        if (change.due() != null) {
            for (String group : t.candidateGroups()) {
                notices.toBureau(group, Notice.Kind.DUE_CHANGED, about, change.by(), change.note());
            }
        }
    }
}
