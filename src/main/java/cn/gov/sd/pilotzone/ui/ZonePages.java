package cn.gov.sd.pilotzone.ui;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Zone pages. They read the zone API of docs/api.md ({@code GET /api/zones}, {@code /api/zones/{id}}, the bulletin at
 * {@code /api/zones/{id}/bulletin.xlsx}) from the browser with the session, rather than the zone package's Java
 * types: the pages depend on the published contract only, so the lifecycle can change inside without breaking
 * them, and the API's scoping (a clerk sees their bureau's tasks) applies unchanged. Until the zone API is
 * installed the pages say so.
 */
@Controller
class ZonePages {

    @GetMapping("/zones")
    String zones() {
        return "zones";
    }

    @GetMapping("/zones/{zoneId}")
    String zone(@PathVariable String zoneId, Model model) {
        if (!zoneId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("zoneId", zoneId);
        return "zone";
    }
}
