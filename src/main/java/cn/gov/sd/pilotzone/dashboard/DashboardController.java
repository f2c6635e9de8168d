package cn.gov.sd.pilotzone.dashboard;

import java.util.Map;

import cn.gov.sd.pilotzone.exchange.ExchangeStatus;
import cn.gov.sd.pilotzone.security.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/dashboard} for supervisors and administrators (SecurityConfig restricts the path). */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    record Reprocess(String file) {
    }

    private final DashboardService dashboard;
    private final ExchangeStatus exchange;

    DashboardController(DashboardService dashboard, ExchangeStatus exchange) {
        this.dashboard = dashboard;
        this.exchange = exchange;
    }

    @GetMapping
    Dashboard get() {
        return dashboard.dashboard();
    }

    /** Puts a fixed file from {@code error/<feed>/} back into the inbox: {@code {"file": "<stored name>"}}. */
    @PostMapping("/feeds/{feed}/reprocess")
    Map<String, String> reprocess(Caller caller, @PathVariable String feed, @RequestBody Reprocess body) {
        String name = exchange.reprocess(feed, body == null ? null : body.file(), caller.username());
        return Map.of("feed", feed, "inbox", name);
    }
}
