package cn.gov.sd.pilotzone.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.award.AwardApplication.Channel;
import cn.gov.sd.pilotzone.award.AwardApplicationForm;
import cn.gov.sd.pilotzone.award.AwardApplications;
import cn.gov.sd.pilotzone.registry.TestUscc;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.Role;
import cn.gov.sd.pilotzone.task.TaskFilter.Assignment;
import cn.gov.sd.pilotzone.task.TaskFilter.Sort;

import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The filtered and sorted task lists of the web UI, the done list and the overdue list, with their scopes. */
@HubIntegrationTest
@Import(HubClient.class) // the context of the other ITs: a second context on the same database would run its own
                         // outbound routes and take other tests' outbox items into its own data directory
class TaskSearchIT {

    static final Caller KUIWEN = new Caller("county-370705", Role.CLERK, "county-370705");
    static final Caller WEICHENG = new Caller("county-370702", Role.CLERK, "county-370702");
    static final Caller SUPERVISOR = new Caller("supervisor", Role.SUPERVISOR, "supervisor");

    @Autowired
    TaskSearch search;

    @Autowired
    Tasks tasks;

    @Autowired
    AwardApplications applications;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService history;

    @Autowired
    EngineTables engine;

    @Test
    void filtersByPolicyCountyDueDateAndOverdue() {
        String champion = file("370705", "SINGLE_CHAMPION_NATIONAL");
        String giant = file("370705", "LITTLE_GIANT_NATIONAL");
        setDue(giant, Instant.now().minus(2, ChronoUnit.DAYS));

        assertThat(keys(KUIWEN, filter("LITTLE_GIANT_NATIONAL", null, null, false, Assignment.ALL)))
                .contains(giant).doesNotContain(champion);
        assertThat(keys(KUIWEN, filter(null, "370705", null, false, Assignment.ALL))).contains(giant, champion);
        assertThat(keys(KUIWEN, filter(null, "370702", null, false, Assignment.ALL))).isEmpty();
        assertThat(keys(KUIWEN, filter(null, null, null, true, Assignment.ALL))).contains(giant).doesNotContain(champion);
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        assertThat(keys(KUIWEN, filter(null, null, yesterday, false, Assignment.ALL))).contains(giant)
                .doesNotContain(champion);
        assertThat(search.count(KUIWEN, filter("LITTLE_GIANT_NATIONAL", null, null, true, Assignment.ALL)))
                .isGreaterThanOrEqualTo(1);
        assertThat(keys(WEICHENG, TaskFilter.none())).doesNotContain(giant, champion);
    }

    @Test
    void filtersByClaimAndSortsByDueDate() {
        String first = file("370705", "SINGLE_CHAMPION_NATIONAL");
        String second = file("370705", "SINGLE_CHAMPION_NATIONAL");
        setDue(first, Instant.now().plus(100, ChronoUnit.DAYS));
        setDue(second, Instant.now().plus(50, ChronoUnit.DAYS));
        tasks.claim(KUIWEN, taskOf(first));

        assertThat(keys(KUIWEN, filter(null, null, null, false, Assignment.MINE))).contains(first).doesNotContain(second);
        assertThat(keys(KUIWEN, filter(null, null, null, false, Assignment.UNCLAIMED))).contains(second)
                .doesNotContain(first);
        List<String> byDue = keys(KUIWEN, new TaskFilter(null, null, null, null, false, Assignment.ALL, Sort.DUE, true));
        assertThat(byDue.indexOf(second)).isLessThan(byDue.indexOf(first));
        List<String> byDueDesc = keys(KUIWEN, new TaskFilter(null, null, null, null, false, Assignment.ALL, Sort.DUE,
                false));
        assertThat(byDueDesc.indexOf(first)).isLessThan(byDueDesc.indexOf(second));
    }

    @Test
    void doneTasksAreTheBureausAndTheOverdueListFollowsWhatTheCallerMaySee() {
        String app = file("370705", "SINGLE_CHAMPION_NATIONAL");
        setDue(app, Instant.now().minus(1, ChronoUnit.HOURS));
        String taskId = taskOf(app);
        String processInstance = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();

        assertThat(search.overdue(SUPERVISOR)).extracting(TaskView::businessKey).contains(app);
        assertThat(search.overdue(KUIWEN)).extracting(TaskView::businessKey).contains(app);
        assertThat(search.overdue(WEICHENG)).extracting(TaskView::businessKey).doesNotContain(app);
        assertThat(search.worksOn(KUIWEN, processInstance)).isTrue();
        assertThat(search.worksOn(WEICHENG, processInstance)).isFalse();

        tasks.complete(KUIWEN, taskId, new CompletionForm("approve", "同意", null, Map.of()));

        assertThat(search.done(KUIWEN, 0, 500)).filteredOn(t -> app.equals(t.businessKey()))
                .singleElement().satisfies(t -> {
                    assertThat(t.assignee()).isEqualTo("county-370705");
                    assertThat(t.ended()).isNotNull();
                });
        assertThat(search.done(WEICHENG, 0, 500)).noneMatch(t -> app.equals(t.businessKey()));
        // a colleague of the bureau sees it too (nobody had claimed it), with who completed it
        assertThat(search.done(new Caller("kuiwen-colleague", Role.CLERK, "county-370705"), 0, 500))
                .filteredOn(t -> app.equals(t.businessKey())).extracting(TaskSearch.DoneTask::assignee)
                .containsExactly("county-370705");
        HistoricTaskInstance ended = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        assertThat(ended.getCompletedBy()).isEqualTo("county-370705");
        assertThat(ended.getAssignee()).as("recorded as completed by, not made the assignee first").isNull();
        assertThat(search.ofCase(engine.instance(processInstance).orElseThrow())).extracting(TaskSearch.DoneTask::taskDefinitionKey)
                .containsExactly("countyReview", "cityReview");
        assertThat(tasks.formOf(tasks.visible(new Caller("gxj", Role.CLERK, "gxj"), taskOf(app))))
                .satisfies(spec -> {
                    assertThat(spec.decisions()).containsExactlyInAnyOrder("approve", "reject", "return");
                    assertThat(spec.takesAmount()).isTrue();
                    assertThat(spec.fields()).isEmpty();
                });
    }

    private String file(String county, String policy) {
        String id = "TS-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
        String uscc = TestUscc.next(county);
        applications.submit(new AwardApplicationForm(id, uscc, "任务查询测试有限公司", county, policy,
                LocalDate.of(2024, 11, 20), Map.of(), new AwardApplicationForm.Contact("李", "0536-1"),
                new AwardApplicationForm.BankAccount("工行", "任务查询测试有限公司", "6222021234567890"),
                List.of(new AwardApplicationForm.Attachment("认定文件.pdf", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"))), Channel.APPLY, "system");
        return id;
    }

    private String taskOf(String applicationId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(applicationId).singleResult().getId();
    }

    private void setDue(String applicationId, Instant due) {
        taskService.setDueDate(taskOf(applicationId), Date.from(due));
    }

    private List<String> keys(Caller caller, TaskFilter filter) {
        return search.open(caller, filter, 0, 500).stream().map(TaskView::businessKey).toList();
    }

    private static TaskFilter filter(String policy, String county, LocalDate dueBy, boolean overdue, Assignment a) {
        return new TaskFilter(null, policy, county, dueBy, overdue, a, Sort.CREATED, false);
    }
}
