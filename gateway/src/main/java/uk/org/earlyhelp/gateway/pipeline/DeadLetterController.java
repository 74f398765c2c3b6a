package uk.org.earlyhelp.gateway.pipeline;

import java.security.Principal;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administration of the pipeline's dead letters (role ADMIN, granted in the security configuration). */
@RestController
public class DeadLetterController {

    private final DeadLetterReplay replay;

    public DeadLetterController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/api/v1/admin/dead-letters/replay")
    public Map<String, Integer> replay(Principal admin) {
        return Map.of("replayed", replay.replayAll(admin.getName()));
    }
}
