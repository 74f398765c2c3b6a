package uk.org.earlyhelp.gateway.matching.review;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The match reviewers' API (role {@code MATCH_REVIEWER}, granted in the security configuration): list the
 * pending pairs, decide one. The reviewer is the logged-in user, never a field of the request.
 */
@RestController
@RequestMapping("/api/v1/match-reviews")
public class MatchReviewController {

    private final MatchReviews reviews;

    public MatchReviewController(MatchReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    public List<MatchReviews.PendingReview> pending(Principal user) {
        return reviews.pending(user.getName());
    }

    /** @param decision {@code confirm} (the same person) or {@code reject} (different people) */
    public record DecisionRequest(String decision) {
    }

    @PostMapping("/{reviewId}/decision")
    public ResponseEntity<?> decide(@PathVariable UUID reviewId, @RequestBody DecisionRequest request,
            Principal user) {
        ReviewStatus status = request == null || request.decision() == null ? null : switch (request.decision()) {
            case "confirm" -> ReviewStatus.CONFIRMED;
            case "reject" -> ReviewStatus.REJECTED;
            default -> null;
        };
        if (status == null) {
            return problem(HttpStatus.BAD_REQUEST, "The decision is not valid", "decision",
                    "must be confirm or reject");
        }
        try {
            return ResponseEntity.ok(reviews.decide(reviewId, status, user.getName()));
        } catch (MatchReviews.ReviewNotFound e) {
            return problem(HttpStatus.NOT_FOUND, "No such match review", "reviewId", "matches no review");
        } catch (MatchReviews.ReviewAlreadyDecided e) {
            return problem(HttpStatus.CONFLICT, "The match review is already decided", "reviewId", e.getMessage());
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
