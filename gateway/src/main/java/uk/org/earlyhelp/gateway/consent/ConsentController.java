package uk.org.earlyhelp.gateway.consent;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consent registry API for early-help practitioners: record consent given, refused or withdrawn for
 * a person (by NHS number or UPN) or a whole family, with its scope, expiry and evidence; read the
 * history. Who recorded it is the logged-in user, never a field of the request.
 */
@RestController
@RequestMapping("/api/v1/consents")
public class ConsentController {

    private final ConsentRecording recording;
    private final PendingConsent pending;

    public ConsentController(ConsentRecording recording, PendingConsent pending) {
        this.recording = recording;
        this.pending = pending;
    }

    /** The flags waiting for consent: what came from whom, when, and when it will be deleted unreleased. */
    @GetMapping("/pending")
    public List<PendingConsent.Summary> pending() {
        return pending.summaries();
    }

    /**
     * @param nhsNumber  the person, by NHS number (exactly one of nhsNumber, upn, familyId)
     * @param agencyKinds null for every kind of agency
     * @param purposes    null for every purpose
     */
    public record ConsentRequest(String nhsNumber, String upn, UUID familyId, String status,
            List<String> agencyKinds, List<String> purposes, LocalDate expiresOn, String evidenceReference) {
    }

    public record Recorded(UUID consentId) {
    }

    @PostMapping
    public ResponseEntity<?> record(@RequestBody ConsentRequest request, Principal user) {
        List<Map<String, String>> errors = validate(request);
        if (!errors.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "The consent record is not valid", errors);
        }
        return recording.record(request, user.getName())
                .<ResponseEntity<?>>map(id -> ResponseEntity.created(URI.create("/api/v1/consents/" + id))
                        .body(new Recorded(id)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No such person or family is known to the gateway",
                        List.of(Map.of("field", subjectField(request), "problem", "matches no one in the index"))));
    }

    @GetMapping
    public ResponseEntity<?> history(@RequestParam(required = false) String nhsNumber,
            @RequestParam(required = false) String upn, @RequestParam(required = false) UUID familyId) {
        ConsentRequest subject = new ConsentRequest(nhsNumber, upn, familyId, null, null, null, null, null);
        if (countSubjects(subject) != 1) {
            return problem(HttpStatus.BAD_REQUEST, "Name one person or family",
                    List.of(Map.of("field", "nhsNumber|upn|familyId", "problem", "give exactly one")));
        }
        return recording.history(subject)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No such person or family is known to the gateway",
                        List.of(Map.of("field", subjectField(subject), "problem", "matches no one in the index"))));
    }

    private static List<Map<String, String>> validate(ConsentRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (countSubjects(request) != 1) {
            errors.add(Map.of("field", "nhsNumber|upn|familyId", "problem", "give exactly one"));
        }
        if (request.status() == null || !List.of("given", "refused", "withdrawn").contains(request.status())) {
            errors.add(Map.of("field", "status", "problem", "must be given, refused or withdrawn"));
        }
        if (request.agencyKinds() != null && !List.of("school", "health-visiting", "police", "adult-services")
                .containsAll(request.agencyKinds())) {
            errors.add(Map.of("field", "agencyKinds", "problem",
                    "each must be school, health-visiting, police or adult-services"));
        }
        if (request.evidenceReference() == null || request.evidenceReference().isBlank()) {
            errors.add(Map.of("field", "evidenceReference", "problem",
                    "is required: where the signed form or recorded conversation is"));
        }
        return errors;
    }

    private static int countSubjects(ConsentRequest request) {
        return (request.nhsNumber() == null ? 0 : 1) + (request.upn() == null ? 0 : 1)
                + (request.familyId() == null ? 0 : 1);
    }

    private static String subjectField(ConsentRequest request) {
        return request.nhsNumber() != null ? "nhsNumber" : request.upn() != null ? "upn" : "familyId";
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title,
            List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).body(problem);
    }
}
