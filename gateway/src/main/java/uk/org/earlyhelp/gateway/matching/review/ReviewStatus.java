package uk.org.earlyhelp.gateway.matching.review;

import java.util.Arrays;

/** Where a review stands: waiting for a reviewer, or decided one way or the other. */
public enum ReviewStatus {
    PENDING("pending"),
    /** The reviewer says the subject is the candidate person: the matcher links them. */
    CONFIRMED("confirmed"),
    /** The reviewer says they are different people: the matcher does not link them. */
    REJECTED("rejected");

    private final String id;

    ReviewStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static ReviewStatus of(String id) {
        return Arrays.stream(values()).filter(status -> status.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown review status in match_reviews"));
    }
}
