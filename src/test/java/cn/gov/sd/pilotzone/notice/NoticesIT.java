package cn.gov.sd.pilotzone.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.gov.sd.pilotzone.HubClient;
import cn.gov.sd.pilotzone.HubIntegrationTest;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.security.Caller;
import cn.gov.sd.pilotzone.security.Role;
import cn.gov.sd.pilotzone.security.Accounts;
import cn.gov.sd.pilotzone.security.TestAccounts;
import cn.gov.sd.pilotzone.task.Tasks;
import cn.gov.sd.pilotzone.ui.AwardFixtures;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.assertj.core.groups.Tuple;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Notices of new, returned, due and reminded work, and their mail through a real SMTP server (GreenMail). */
@HubIntegrationTest
@Import(HubClient.class)
class NoticesIT {

    static final Caller COUNTY = new Caller("county-370705", Role.CLERK, "county-370705");
    static final Caller OTHER_COUNTY = new Caller("county-370702", Role.CLERK, "county-370702");
    static final Caller CITY = new Caller("gxj", Role.CLERK, "gxj");
    static final Caller SUPERVISOR = new Caller("supervisor", Role.SUPERVISOR, "supervisor");

    @Autowired
    HubClient hub;

    @Autowired
    Notices notices;

    @Autowired
    Reminders reminders;

    @Autowired
    DueSweep sweep;

    @Autowired
    TaskService taskService;

    @Autowired
    TestAccounts users;

    @Autowired
    Accounts accounts;

    @Autowired
    Messages messages;

    @Test
    void aNewTaskTellsItsBureauOnlyAndAReturnedOneSaysReturned() {
        AwardFixtures.Filed app = new AwardFixtures(hub).file("370705");
        assertThat(of(COUNTY, app.applicationId())).extracting(Notice::kind).containsExactly(Notice.Kind.NEW);
        assertThat(of(OTHER_COUNTY, app.applicationId())).isEmpty();
        long unread = notices.unread(COUNTY);

        hub.decide("county-370705", app.applicationId(), "countyReview", Map.of("decision", "approve"));
        assertThat(of(CITY, app.applicationId())).extracting(Notice::kind, Notice::taskName)
                .containsExactly(Tuple.tuple(Notice.Kind.NEW, "市工信局审核"));
        hub.decide("gxj", app.applicationId(), "cityReview", Map.of("decision", "return", "comment", "请核实金额"));
        assertThat(of(COUNTY, app.applicationId())).extracting(Notice::kind)
                .containsExactly(Notice.Kind.RETURNED, Notice.Kind.NEW);
        assertThat(notices.unread(COUNTY)).isEqualTo(unread + 1);

        Notice returned = of(COUNTY, app.applicationId()).get(0);
        assertThat(notices.markRead(OTHER_COUNTY, returned.id())).as("another county's clerk").isFalse();
        assertThat(notices.markRead(COUNTY, returned.id())).isTrue();
        assertThat(notices.unread(COUNTY)).isEqualTo(unread);
    }

    @Test
    void theUnreadCountTakesOwnAndBureauNoticesOnceAndTheBadgeStopsAtItsLimit() {
        String suffix = Long.toString(System.nanoTime());
        Caller clerk = new Caller("clerk-" + suffix, Role.CLERK, "bureau-" + suffix);
        Notices.About about = new Notices.About(null, "区县初审", "awardApplication", null, "APP-" + suffix, null);
        notices.toPerson(clerk.username(), Notice.Kind.REMINDED, about, "supervisor", null);
        notices.toBureau(clerk.bureauCode(), Notice.Kind.NEW, about, null, null);
        // a notice addressed to the person and their bureau at once (the due sweep's) counts once
        notices.once(clerk.bureauCode(), clerk.username(), Notice.Kind.OVERDUE, about, "unread-" + suffix);
        assertThat(notices.unread(clerk)).isEqualTo(3);
        assertThat(notices.unread(clerk, 2)).isEqualTo(2);

        for (int i = 0; i < NoticeBadges.SHOWN + 5; i++) {
            notices.toBureau(clerk.bureauCode(), Notice.Kind.NEW, about, null, null);
        }
        assertThat(notices.unread(clerk)).isEqualTo(NoticeBadges.SHOWN + 8);
        assertThat(notices.unread(clerk, NoticeBadges.SHOWN + 1)).isEqualTo(NoticeBadges.SHOWN + 1);
        notices.markAllRead(clerk);
        assertThat(notices.unread(clerk)).isZero();
    }

    @Test
    void theDueSweepTellsOfOverdueAndDueSoonWorkOncePerDueDate() {
        AwardFixtures.Filed app = new AwardFixtures(hub).file("370705");
        Task task = taskOf(app);
        taskService.setDueDate(task.getId(), Date.from(Instant.now().plusSeconds(3600)));
        sweep.sweep();
        assertThat(of(COUNTY, app.applicationId())).extracting(Notice::kind)
                .containsExactly(Notice.Kind.DUE_SOON, Notice.Kind.NEW);

        taskService.setDueDate(task.getId(), Date.from(Instant.now().minusSeconds(60)));
        sweep.sweep();
        sweep.sweep();
        assertThat(of(COUNTY, app.applicationId())).extracting(Notice::kind)
                .containsExactly(Notice.Kind.OVERDUE, Notice.Kind.DUE_SOON, Notice.Kind.NEW);
        assertThat(of(COUNTY, app.applicationId()).get(0).due()).isNotNull();
    }

    @Test
    void aSupervisorsReminderReachesTheBureauWithWhoAndWhatAndClerksCannotRemind() {
        AwardFixtures.Filed app = new AwardFixtures(hub).file("370705");
        Task task = taskOf(app);
        assertThat(reminders.remind(SUPERVISOR, task.getId(), "  请于本周内办结  ")).containsExactly("county-370705");

        Notice reminder = of(COUNTY, app.applicationId()).get(0);
        assertThat(reminder.kind()).isEqualTo(Notice.Kind.REMINDED);
        assertThat(reminder.actor()).isEqualTo("supervisor");
        assertThat(reminder.note()).isEqualTo("请于本周内办结");
        assertThat(reminder.bureauCode()).isEqualTo("county-370705");
        assertThat(notices.reminders(task.getId())).hasSize(1);

        assertThatThrownBy(() -> reminders.remind(COUNTY, task.getId(), "x"))
                .isInstanceOf(Tasks.TaskNotFoundException.class);
        assertThatThrownBy(() -> reminders.remind(SUPERVISOR, task.getId(), "长".repeat(501)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> reminders.remind(SUPERVISOR, "no-such-task", null))
                .isInstanceOf(Tasks.TaskNotFoundException.class);
        assertThat(hub.call("county-370705", HttpMethod.GET, "/supervision", null).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void noticesAreMailedThroughSmtpToTheAddressesOfTheUserStoreAndRetriedWhenRefused() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            users.setEmail("county-370703", "kuiwen-clerk@county.example");
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.getSmtp().getPort());
            NoticeMailer mailer = new NoticeMailer(notices, accounts, provider(sender), messages, "hub@test.example",
                    "https://hub.example.gov.cn");
            mailer.send(); // what other tests left

            AwardFixtures.Filed app = new AwardFixtures(hub).file("370703");
            reminders.remind(SUPERVISOR, taskOf(app).getId(), "请尽快办理");
            assertThat(mailer.send()).isGreaterThanOrEqualTo(2);
            List<MimeMessage> mails = to(smtp, "kuiwen-clerk@county.example");
            assertThat(mails).hasSize(2);
            assertThat(mails.get(0).getSubject()).contains("新待办", "区县初审", app.applicationId());
            assertThat(mails.get(1).getSubject()).contains("催办", "区县初审");
            assertThat(mails.get(1).getContent().toString())
                    .contains("请尽快办理", "督导员", "https://hub.example.gov.cn/tasks/" + taskOf(app).getId());
            mailer.send();
            assertThat(to(smtp, "kuiwen-clerk@county.example")).as("each notice once").hasSize(2);

            // the mail server is down: the notice waits and goes out once it is back
            smtp.stop();
            reminders.remind(SUPERVISOR, taskOf(app).getId(), null);
            assertThat(mailer.send()).isZero();
            smtp = new GreenMail(ServerSetupTest.SMTP.port(sender.getPort()));
            smtp.start();
            mailer.send();
            assertThat(to(smtp, "kuiwen-clerk@county.example")).singleElement()
                    .satisfies(m -> assertThat(m.getSubject()).contains("催办"));
        } finally {
            smtp.stop();
            users.setEmail("county-370703", null);
        }
    }

    /** The mails to one address (notices of other tests' supervision tasks may go to the supervisor too). */
    private static List<MimeMessage> to(GreenMail smtp, String address) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                mails.add(m);
            }
        }
        return mails;
    }

    private Task taskOf(AwardFixtures.Filed app) {
        return taskService.createTaskQuery().processInstanceBusinessKey(app.applicationId()).singleResult();
    }

    private List<Notice> of(Caller caller, String businessKey) {
        return notices.of(caller, 0, 500).stream().filter(n -> businessKey.equals(n.businessKey())).toList();
    }

    private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
        StaticListableBeanFactory beans =
                new StaticListableBeanFactory(Map.of("mail", sender));
        return beans.getBeanProvider(JavaMailSender.class);
    }
}
