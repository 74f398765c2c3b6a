package uk.org.earlyhelp.gateway.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import uk.org.earlyhelp.gateway.security.ConsoleSecurityConfiguration;

/** The console's home (a menu by role), its login page and its 403 page. */
@Controller
class ConsolePagesController {

    private final ObjectProvider<ClientRegistrationRepository> oidcClients;

    ConsolePagesController(ObjectProvider<ClientRegistrationRepository> oidcClients) {
        this.oidcClients = oidcClients;
    }

    @GetMapping("/console")
    String home() {
        return "console/home";
    }

    /**
     * The login form against the configured users; with OpenID Connect, straight to the provider (or a
     * choice, when more than one is registered).
     */
    @GetMapping(ConsoleSecurityConfiguration.LOGIN_PAGE)
    String login(Model model) {
        List<ClientRegistration> providers = providers();
        if (providers.size() == 1) {
            return "redirect:" + ConsoleSecurityConfiguration.OIDC_AUTHORIZATION + "/"
                    + providers.get(0).getRegistrationId();
        }
        model.addAttribute("providers", providers);
        model.addAttribute("authorizationBase", ConsoleSecurityConfiguration.OIDC_AUTHORIZATION);
        return "console/login";
    }

    /** Where Spring Security forwards a request the person's role does not allow (any method). */
    @RequestMapping("/console/forbidden")
    String forbidden(HttpServletResponse response, Model model) {
        return ConsoleErrors.page(response, model, HttpStatus.FORBIDDEN, "Forbidden",
                "Your role does not give access to this page.");
    }

    private List<ClientRegistration> providers() {
        List<ClientRegistration> providers = new ArrayList<>();
        if (oidcClients.getIfAvailable() instanceof Iterable<?> registrations) {
            registrations.forEach(registration -> providers.add((ClientRegistration) registration));
        }
        return providers;
    }
}
