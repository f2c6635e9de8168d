package cn.gov.sd.pilotzone.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.notice.Notice;
import cn.gov.sd.pilotzone.notice.Notices;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.HubUser;
import cn.gov.sd.pilotzone.security.Role;
import cn.gov.sd.pilotzone.security.TestAccounts;
import cn.gov.sd.pilotzone.ui.AwardFixtures;

import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Handing a task to a colleague, a supervisor's reassignment and new due date, each with its reason in history. */
@HubIntegrationTest
@Import(HubClient.class)
class TaskTeamIT {

    static final Caller COUNTY = new Caller("county-370705", Role.CLERK, "county-370705");
    static final Caller SUPERVISOR = new Caller("supervisor", Role.SUPERVISOR, "supervisor");

    @Autowired
    HubClient hub;

    @Autowired
    TaskTeam team;

    @Autowired
    TaskService taskService;

    @Autowired
    TestAccounts users;

    @Autowired
    Notices notices;

    @Autowired
    TaskNotes notes;

    @Test
    void aClerkHandsATaskToAColleagueOfTheSameBureauOnlyAndTheColleagueIsTold() {
        String colleague = colleague("county-370705", "王晓明");
        AwardFixtures.Filed app = new AwardFixtures(hub).file("370705");
        Task task = taskOf(app);

        assertThat(team.colleagues(COUNTY)).extracting(HubUser::username).contains(colleague)
                .doesNotContain("county-370705", "county-370702");
        assertThatThrownBy(() -> team.handOver(COUNTY, task.getId(), "county-370702", null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).field())
                        .isEqualTo("colleague"));
        assertThatThrownBy(() -> team.handOver(COUNTY, task.getId(), "", null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> team.handOver(new Caller("county-370702", Role.CLERK, "county-370702"),
                task.getId(), colleague, null)).isInstanceOf(Tasks.TaskNotFoundException.class);

        team.handOver(COUNTY, task.getId(), colleague, "我下周出差");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo(colleague);
        Notice told = notices.of(new Caller(colleague, Role.CLERK, "county-370705"), 0, 10).get(0);
        assertThat(told.kind()).isEqualTo(Notice.Kind.HANDED_OVER);
        assertThat(told.username()).isEqualTo(colleague);
        assertThat(told.actor()).isEqualTo("county-370705");
        assertThat(notes.comments(task.getProcessInstanceId())).extracting(TaskNotes.Note::text)
                .contains("转交给 王晓明（" + colleague + "）：我下周出差");
        assertThatThrownBy(() -> team.handOver(COUNTY, task.getId(), "county-370705", null))
                .as("now the colleague's, out of the handing clerk's list").isInstanceOf(Tasks.TaskNotFoundException.class);
    }

    @Test
    void aSupervisorReassignsAndMovesTheDueDateWithAReasonKeptInHistory() {
        String colleague = colleague("county-370705", "李红");
        AwardFixtures.Filed app = new AwardFixtures(hub).file("370705");
        Task task = taskOf(app);

        assertThatThrownBy(() -> team.reassign(SUPERVISOR, task.getId(), colleague, null, " "))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.field())
                        .containsExactly("reason"));
        assertThatThrownBy(() -> team.reassign(SUPERVISOR, task.getId(), "gxj", null, "市局代办"))
                .as("not a clerk of the task's bureau").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> team.reassign(COUNTY, task.getId(), colleague, null, "x"))
                .isInstanceOf(Tasks.TaskNotFoundException.class);

        LocalDate due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10);
        team.reassign(SUPERVISOR, task.getId(), colleague, due, "原经办人休假");
        Task changed = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(changed.getAssignee()).isEqualTo(colleague);
        assertThat(changed.getDueDate().toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate()).isEqualTo(due);
        assertThat(notes.comments(task.getProcessInstanceId())).singleElement().satisfies(n -> {
            assertThat(n.author()).isEqualTo("supervisor");
            assertThat(n.text()).contains("改由 李红", "到期日改为 " + due, "理由：原经办人休假");
        });
        assertThat(notices.of(COUNTY, 0, 20)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.DUE_CHANGED);
            assertThat(n.taskId()).isEqualTo(task.getId());
        });
    }

    private String colleague(String bureau, String name) {
        String username = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new HubUser(username, Role.CLERK, bureau, name), AwardFixtures.PASSWORD);
        return username;
    }

    private Task taskOf(AwardFixtures.Filed app) {
        return taskService.createTaskQuery().processInstanceBusinessKey(app.applicationId()).singleResult();
    }
}
