package cn.gov.sd.pilotzone.notice;

import cn.gov.sd.pilotzone.security.Who;

import org.springframework.stereotype.Component;

/** The navigation bar's count of unread notices ({@code ${@noticeBadge.unread()}}), on every page. */
@Component("noticeBadge")
class NoticeBadge {

    private final Notices notices;
    private final Who who;

    NoticeBadge(Notices notices, Who who) {
        this.notices = notices;
        this.who = who;
    }

    /** Nothing when nobody is logged in (the login page, public error pages). */
    public long unread() {
        Who.Me me = who.me();
        return me == null ? 0 : notices.unread(me.caller());
    }
}
