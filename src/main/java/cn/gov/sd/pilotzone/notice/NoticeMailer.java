package cn.gov.sd.pilotzone.notice;

import java.util.Optional;

import cn.gov.sd.pilotzone.common.Messages;
import cn.gov.sd.pilotzone.security.Accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails the notices to the addresses of the user store ({@code hub_user.email}) when SMTP is configured
 * ({@code spring.mail.host}; Spring Boot then provides the {@link JavaMailSender}). Outside the transactions that
 * write notices, so a slow or absent mail server never holds up a decision; a refused mail is tried again at the
 * next round. Without SMTP the notices are marked as handled and stay in the hub's list.
 */
@Component
class NoticeMailer {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

    private final Notices notices;
    private final Accounts users;
    private final ObjectProvider<JavaMailSender> sender;
    private final Messages messages;
    private final String from;
    private final String hubUrl;

    NoticeMailer(Notices notices, Accounts users, ObjectProvider<JavaMailSender> sender, Messages messages,
                 @Value("${hub.notice.mail-from:hub@localhost}") String from,
                 @Value("${hub.notice.hub-url:}") String hubUrl) {
        this.notices = notices;
        this.users = users;
        this.sender = sender;
        this.messages = messages;
        this.from = from;
        this.hubUrl = hubUrl;
    }

    /** Mails what is waiting; returns how many mails went out. */
    @Scheduled(initialDelayString = "${hub.notice.mail-interval:PT30S}",
            fixedDelayString = "${hub.notice.mail-interval:PT30S}")
    int send() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        int sent = 0;
        for (Optional<Notice> next = notices.takeUnmailed(); next.isPresent(); next = notices.takeUnmailed()) {
            Notice n = next.get();
            String[] to = users.mailAddresses(n.username(), n.bureauCode()).toArray(String[]::new);
            if (to.length == 0) {
                continue;
            }
            try {
                mail.send(message(n, to));
                sent++;
            } catch (MailException e) {
                log.warn("Notice {} not mailed to {}: {}; tried again later", n.id(), String.join(",", to),
                        e.getMessage());
                notices.mailFailed(n.id());
                break;
            }
        }
        return sent;
    }

    private SimpleMailMessage message(Notice n, String[] to) {
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to);
        String kind = messages.get("notice.kind." + n.kind(), Messages.CHINESE);
        String subject = n.businessKey() == null ? n.taskName() : n.taskName() + " · " + n.businessKey();
        m.setSubject(messages.get("notice.mail.subject", Messages.CHINESE, kind, subject));
        StringBuilder body = new StringBuilder(messages.get("notice.mail.body", Messages.CHINESE, kind, subject));
        if (n.actor() != null) {
            body.append('\n').append(messages.get("notice.mail.actor", Messages.CHINESE,
                    users.find(n.actor()).map(u -> u.displayName() == null ? u.username() : u.displayName())
                            .orElse(n.actor())));
        }
        if (n.note() != null) {
            body.append('\n').append(n.note());
        }
        if (!hubUrl.isBlank() && n.taskId() != null) {
            body.append("\n\n").append(hubUrl.replaceAll("/+$", "")).append("/tasks/").append(n.taskId());
        }
        m.setText(body.toString());
        return m;
    }
}
