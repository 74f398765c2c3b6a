package uk.org.earlyhelp.gateway.console.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.org.earlyhelp.gateway.alerting.AlertingSettings;
import uk.org.earlyhelp.gateway.audit.AuditViews;
import uk.org.earlyhelp.gateway.console.ConsoleChannel;
import uk.org.earlyhelp.gateway.console.NotFound;
import uk.org.earlyhelp.gateway.security.ConsoleUserSettings;
import uk.org.earlyhelp.gateway.security.LocalityAuthority;

/**
 * The locality worker's pages: their team's alerts (the list names no one), one alert in full (a look
 * at personal data, audited as {@code viewed}), and the actions on it. The team is the worker's own
 * locality, never a parameter: another team's alert is "not found".
 */
@Controller
@RequestMapping("/console/alerts")
class AlertPagesController {

    private static final int LIST_LIMIT = 200;

    private final LocalityAlerts alerts;
    private final AlertHandling handling;
    private final AuditViews views;
    private final AlertingSettings localities;
    private final ConsoleUserSettings users;

    AlertPagesController(LocalityAlerts alerts, AlertHandling handling, AuditViews views, AlertingSettings localities,
            ConsoleUserSettings users) {
        this.alerts = alerts;
        this.handling = handling;
        this.views = views;
        this.localities = localities;
        this.users = users;
    }

    @GetMapping
    String list(Authentication user, Model model) {
        String locality = localityOf(user);
        model.addAttribute("locality", locality);
        model.addAttribute("localityName", localityName(locality));
        model.addAttribute("alerts", alerts.forLocality(locality, LIST_LIMIT));
        return "console/alerts/list";
    }

    @GetMapping("/{alertId}")
    String show(@PathVariable UUID alertId, Authentication user, Model model) {
        String locality = localityOf(user);
        LocalityAlerts.Alert alert = alerts.find(alertId, locality)
                .orElseThrow(() -> new NotFound("no such alert for this locality"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("alertId", alertId.toString());
        parameters.put("version", alert.version());
        parameters.put("locality", locality);
        views.record(ConsoleChannel.ID, user.getName(), "alert", alerts.memberKeys(alert.familyId()), parameters);
        model.addAttribute("alert", alert);
        model.addAttribute("localityName", localityName(locality));
        model.addAttribute("colleagues", colleagues(locality));
        return "console/alerts/detail";
    }

    @PostMapping("/{alertId}/acknowledge")
    String acknowledge(@PathVariable UUID alertId, Authentication user, RedirectAttributes redirect) {
        handling.acknowledge(alertId, localityOf(user), user.getName());
        redirect.addFlashAttribute("done", "Acknowledged.");
        return "redirect:/console/alerts/" + alertId;
    }

    @PostMapping("/{alertId}/assign")
    String assign(@PathVariable UUID alertId, @RequestParam(required = false) String assignee, Authentication user,
            RedirectAttributes redirect) {
        try {
            handling.assign(alertId, localityOf(user), assignee, user.getName());
            redirect.addFlashAttribute("done", "Assigned to " + assignee.strip() + ".");
        } catch (AlertHandling.InvalidAction e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/alerts/" + alertId;
    }

    /** A locality worker without a locality (a misconfigured identity provider) sees nothing. */
    private static String localityOf(Authentication user) {
        return LocalityAuthority.of(user)
                .orElseThrow(() -> new AccessDeniedException("a locality worker without a locality"));
    }

    private String localityName(String id) {
        return localities.localities().stream().filter(locality -> locality.id().equals(id))
                .map(AlertingSettings.Locality::name).findFirst().orElse(id);
    }

    /** The configured workers of the team (none when people log in through OpenID Connect). */
    private List<String> colleagues(String locality) {
        return users.users().stream().filter(user -> locality.equals(user.locality()))
                .map(ConsoleUserSettings.User::username).sorted().toList();
    }
}
