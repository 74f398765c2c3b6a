package uk.org.earlyhelp.gateway.family;

import java.math.BigDecimal;
import java.util.Map;
import uk.org.earlyhelp.routes.model.ReceivedFlag;

/**
 * Maps each flag to the Supporting Families outcome it bears on and how severe it is. The published
 * definitions are used where there are any: persistent absence is missing 10% or more of possible
 * sessions, severe absence 50% or more.
 */
public final class NeedClassifier {

    private static final Map<String, String> HEALTH_VISITING = Map.of(
            "maternal-mental-health", "health",
            "infant-feeding-or-growth", "early-years",
            "developmental-delay", "early-years",
            "home-conditions", "early-years",
            "parenting-capacity", "family-relationships",
            "parental-substance-use", "substance-use",
            "domestic-abuse-disclosure", "domestic-abuse");

    private static final Map<String, String> POLICE = Map.of(
            "domestic-abuse", "domestic-abuse",
            "missing-child", "abuse-and-exploitation",
            "exploitation-concern", "abuse-and-exploitation");

    private static final Map<String, String> ADULT_SERVICES = Map.of(
            "parental-mental-health", "health",
            "parental-substance-misuse", "substance-use",
            "adult-safeguarding", "abuse-and-exploitation",
            "learning-disability", "health");

    private NeedClassifier() {
    }

    public static Need classify(ReceivedFlag flag) {
        return switch (flag.flagType()) {
            case "school-exclusion" -> new Need("education",
                    "permanent-exclusion".equals(flag.detail("kind")) ? Need.HIGH : Need.MEDIUM);
            case "school-attendance" -> attendance(flag);
            case "health-visiting-concern" -> new Need(HEALTH_VISITING.get(flag.detail("concernCategory")),
                    severityOr(flag, Need.MEDIUM));
            case "police-notification" -> police(flag);
            case "adult-services-notification" -> new Need(ADULT_SERVICES.get(flag.detail("concernType")),
                    severityOr(flag, Need.MEDIUM));
            default -> throw new IllegalArgumentException("no need classification for flag type " + flag.flagType());
        };
    }

    private static Need attendance(ReceivedFlag flag) {
        BigDecimal possible = new BigDecimal(flag.detail("sessionsPossible"));
        BigDecimal missed = new BigDecimal(flag.detail("sessionsMissed"));
        // Compare missed/possible with 10% and 50% without rounding: missed*10 >= possible, missed*2 >= possible.
        if (missed.multiply(BigDecimal.valueOf(2)).compareTo(possible) >= 0) {
            return new Need("education", Need.HIGH);
        }
        if (missed.multiply(BigDecimal.TEN).compareTo(possible) >= 0) {
            return new Need("education", Need.MEDIUM);
        }
        return new Need(null, Need.LOW);
    }

    private static Need police(ReceivedFlag flag) {
        String category = POLICE.get(flag.detail("incidentType"));
        boolean domesticAbuseWithChildren = "domestic-abuse".equals(flag.detail("incidentType"))
                && "true".equals(flag.detail("childrenPresent"));
        String risk = flag.detail("riskLevel");
        if (domesticAbuseWithChildren || "high".equals(risk)) {
            return new Need(category, Need.HIGH);
        }
        return new Need(category, "standard".equals(risk) ? Need.LOW : Need.MEDIUM);
    }

    private static String severityOr(ReceivedFlag flag, String fallback) {
        String severity = flag.detail("severity");
        return severity == null ? fallback : severity;
    }
}
