package uk.org.earlyhelp.gateway.family;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A match reviewer splits a wrongly linked family (role {@code MATCH_REVIEWER}, granted in the security
 * configuration). The reviewer is the logged-in user, never a field of the request.
 */
@RestController
@RequestMapping("/api/v1/families")
public class FamilySplitController {

    private final FamilySplits splits;

    public FamilySplitController(FamilySplits splits) {
        this.splits = splits;
    }

    /** @param personIds the members who move to the new family */
    public record SplitRequest(List<String> personIds, String reason) {
    }

    @PostMapping("/{familyId}/split")
    public ResponseEntity<?> split(@PathVariable String familyId, @RequestBody(required = false) SplitRequest request,
            Principal user) {
        UUID family = uuid(familyId);
        if (family == null) {
            return problem(HttpStatus.NOT_FOUND, "No such family", "familyId", "matches no family");
        }
        List<UUID> personIds = request == null ? null : uuids(request.personIds());
        if (request != null && request.personIds() != null && personIds == null) {
            return problem(HttpStatus.BAD_REQUEST, "The split is not valid", "personIds", "must be person ids");
        }
        try {
            return ResponseEntity.ok(splits.split(family, personIds, request == null ? null : request.reason(),
                    user.getName()));
        } catch (FamilySplits.InvalidSplit e) {
            return problem(HttpStatus.BAD_REQUEST, "The split is not valid", e.field(), e.getMessage());
        } catch (FamilySplits.FamilyNotFound e) {
            return problem(HttpStatus.NOT_FOUND, "No such family", "familyId",
                    "matches no family (or one merged into another)");
        }
    }

    /** @return the ids, or null if any is not an id */
    private static List<UUID> uuids(List<String> values) {
        if (values == null) {
            return null;
        }
        List<UUID> ids = new ArrayList<>();
        for (String value : values) {
            UUID id = uuid(value);
            if (id == null) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String field,
            String problem) {
        ProblemDetail detail = ProblemDetail.forStatus(status);
        detail.setTitle(title);
        detail.setProperty("errors", List.of(Map.of("field", field, "problem", problem)));
        return ResponseEntity.status(status).body(detail);
    }
}
