package uk.org.earlyhelp.gateway.family;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.gateway.matching.Normalise;
import uk.org.earlyhelp.gateway.matching.PersonIndex;
import uk.org.earlyhelp.gateway.matching.review.MatchReviews;
import uk.org.earlyhelp.routes.model.Address;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * A match reviewer's split of a wrongly linked family: the named members move to a new family (the
 * original keeps its id), with the history entries about no one but them. An entry naming persons on
 * both sides stays with the original family. The two families are recorded as separated
 * ({@link FamilySeparations}), so the family stage never joins them again, and the split is audited
 * ({@code families-split}) in the same transaction.
 */
@Component
public class FamilySplits {

    static final String RULE_ID = "family-split";
    static final int RULE_VERSION = 1;
    static final int MAX_REASON_LENGTH = 1000;

    /** What the split did. */
    public record SplitOutcome(UUID familyId, UUID newFamilyId, int membersMoved, int flagsMoved,
            int flagsNamingBothSides) {
    }

    /** No live family with this id (never was, or merged into another). */
    public static class FamilyNotFound extends RuntimeException {
        public FamilyNotFound(UUID familyId) {
            super("no live family " + familyId);
        }
    }

    /** The request cannot be carried out as asked; {@code field} names what is wrong. */
    public static class InvalidSplit extends RuntimeException {
        private final String field;

        public InvalidSplit(String field, String problem) {
            super(problem);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final Families families;
    private final FamilySeparations separations;
    private final PersonIndex persons;
    private final AuditTrail audit;
    private final Pseudonymiser pseudonymiser;

    public FamilySplits(Families families, FamilySeparations separations, PersonIndex persons, AuditTrail audit,
            Pseudonymiser pseudonymiser) {
        this.families = families;
        this.separations = separations;
        this.persons = persons;
        this.audit = audit;
        this.pseudonymiser = pseudonymiser;
    }

    /**
     * @throws InvalidSplit   no reason, no persons, a person who is not a member, or every member
     * @throws FamilyNotFound no live family {@code familyId}
     */
    @Transactional
    public SplitOutcome split(UUID familyId, List<UUID> personIds, String reason, String reviewer) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidSplit("reason", "is required");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidSplit("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        if (personIds == null || personIds.isEmpty()) {
            throw new InvalidSplit("personIds", "must name at least one member of the family");
        }
        if (!families.lockLive(familyId)) {
            throw new FamilyNotFound(familyId);
        }
        Set<UUID> moving = new LinkedHashSet<>(personIds);
        List<UUID> members = families.memberIds(familyId);
        if (!members.containsAll(moving)) {
            throw new InvalidSplit("personIds", "must all be members of the family");
        }
        if (moving.size() == members.size()) {
            throw new InvalidSplit("personIds", "must leave at least one member in the family");
        }

        List<Subject> moved = moving.stream().map(id -> persons.person(id).orElseThrow().person()).toList();
        UUID newFamilyId = families.createSplitOff(sharedHousehold(moved),
                firstPostcode(moved).or(() -> families.postcode(familyId)).orElse(null));
        int membersMoved = families.moveMembers(familyId, newFamilyId, moving);
        int flagsMoved = families.moveFlagsOnlyAbout(familyId, newFamilyId, moving);
        int flagsNamingBothSides = families.flagsNamingAny(familyId, moving);
        separations.separate(familyId, newFamilyId, reviewer);

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reviewer", reviewer);
        detail.put("reason", reason.strip());
        detail.put("familyId", familyId.toString());
        detail.put("newFamilyId", newFamilyId.toString());
        detail.put("membersMoved", membersMoved);
        detail.put("membersLeft", members.size() - membersMoved);
        detail.put("flagsMoved", flagsMoved);
        detail.put("flagsNamingBothSides", flagsNamingBothSides);
        detail.put("flagsNamingBothSidesStayWith", familyId.toString());
        audit.append(AuditEntry.of(Decision.FAMILIES_SPLIT).agency(null, MatchReviews.CHANNEL)
                .rule(RULE_ID, RULE_VERSION).subjects(pseudonymiser.keysFor(moved)).detail(detail));
        return new SplitOutcome(familyId, newFamilyId, membersMoved, flagsMoved, flagsNamingBothSides);
    }

    /** The household of the moved persons if they all live at one known address, else null. */
    private static String sharedHousehold(List<Subject> moved) {
        Set<String> households = new LinkedHashSet<>();
        for (Subject person : moved) {
            Address address = person.address();
            households.add(address == null ? null : Normalise.householdKey(address.uprn(), address.postcode(),
                    address.line1()));
        }
        return households.size() == 1 ? households.iterator().next() : null;
    }

    private static Optional<String> firstPostcode(List<Subject> moved) {
        return moved.stream().map(Subject::postcode).filter(Objects::nonNull).findFirst();
    }
}
