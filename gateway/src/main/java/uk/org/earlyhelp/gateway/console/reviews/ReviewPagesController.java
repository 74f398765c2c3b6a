package uk.org.earlyhelp.gateway.console.reviews;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.org.earlyhelp.gateway.console.ConsoleChannel;
import uk.org.earlyhelp.gateway.console.NotFound;
import uk.org.earlyhelp.gateway.matching.review.MatchReviews;
import uk.org.earlyhelp.gateway.matching.review.ReviewStatus;

/**
 * The match reviewer's page. Listing the pending pairs shows personal data, so {@link MatchReviews}
 * audits each listing as {@code viewed}; a decision is audited with the reviewer and sends the held flag
 * on through the pipeline once its last pair is decided.
 */
@Controller
@RequestMapping("/console/reviews")
class ReviewPagesController {

    private final MatchReviews reviews;

    ReviewPagesController(MatchReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    String list(Authentication user, Model model) {
        model.addAttribute("reviews", reviews.pending(user.getName(), ConsoleChannel.ID));
        return "console/reviews/list";
    }

    @PostMapping("/{reviewId}/decision")
    String decide(@PathVariable UUID reviewId, @RequestParam(required = false) String decision, Authentication user,
            RedirectAttributes redirect) {
        ReviewStatus status = switch (decision == null ? "" : decision) {
            case "confirm" -> ReviewStatus.CONFIRMED;
            case "reject" -> ReviewStatus.REJECTED;
            default -> null;
        };
        if (status == null) {
            redirect.addFlashAttribute("problem", "Decision: choose 'the same person' or 'different people'.");
            return "redirect:/console/reviews";
        }
        try {
            MatchReviews.DecisionOutcome outcome = reviews.decide(reviewId, status, user.getName(), ConsoleChannel.ID);
            redirect.addFlashAttribute("done", (status == ReviewStatus.CONFIRMED ? "Recorded as the same person."
                    : "Recorded as different people.") + (outcome.flagReleased()
                            ? " The flag goes on through the pipeline." : " The flag waits for its other pairs."));
        } catch (MatchReviews.ReviewNotFound e) {
            throw new NotFound("no such match review");
        } catch (MatchReviews.ReviewAlreadyDecided e) {
            redirect.addFlashAttribute("problem", "This pair was decided already; decisions are not changed here.");
        }
        return "redirect:/console/reviews";
    }
}
