package uk.org.earlyhelp.gateway.intake;

import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.org.earlyhelp.gateway.agency.ConfiguredAgency;
import uk.org.earlyhelp.routes.intake.FlagIntakeRoute;
import uk.org.earlyhelp.routes.intake.IncomingFlag;
import uk.org.earlyhelp.routes.intake.IntakeReceipt;

/**
 * The HTTPS JSON channel. The agency comes from its client certificate (established by the security
 * filter), the body goes to the shared intake route as sent, and 202 is returned only when that route
 * has put the flag durably on the broker.
 */
@RestController
public class HttpFlagIntakeController {

    static final String CHANNEL = "https-json";

    private final ProducerTemplate intake;

    public HttpFlagIntakeController(ProducerTemplate intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/flags", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public IntakeReceipt submit(@AuthenticationPrincipal ConfiguredAgency agency, @RequestBody String body) {
        IncomingFlag incoming = new IncomingFlag(agency.asAgency(), CHANNEL, body);
        return intake.requestBody(FlagIntakeRoute.ENDPOINT, incoming, IntakeReceipt.class);
    }
}
