package uk.org.earlyhelp.gateway.family;

import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.gateway.matching.Normalise;
import uk.org.earlyhelp.gateway.policy.SharingAgreements;
import uk.org.earlyhelp.routes.model.ReceivedFlag;
import uk.org.earlyhelp.routes.model.Subject;
import uk.org.earlyhelp.routes.pipeline.FamilyFlag;
import uk.org.earlyhelp.routes.pipeline.FamilyHistory;
import uk.org.earlyhelp.routes.pipeline.MatchedFlag;
import uk.org.earlyhelp.routes.pipeline.MatchedPerson;

/**
 * The subjects of one flag are declared related (mother and baby, pupil and parent, the people at an
 * incident), so they belong to one family; so does anyone at the same address. When a flag shows two
 * families are one, they merge into the older, whose id survives.
 *
 * <p>Except where a match reviewer split them ({@link FamilySplits}): the reviewer looked at the
 * evidence, so no later flag overturns the split. Families split apart are never merged again; a person
 * named in the flag stays in their own family; a family found only by address and split from the family
 * of someone named is left out (an address is weaker evidence than being named). Each time, the family
 * stage audits {@code families-kept-apart}.
 */
@Component
public class HouseholdFamilyHistory implements FamilyHistory {

    static final String RULE_ID = "household-and-declared-relationships";
    static final int RULE_VERSION = 1;

    private final Families families;
    private final FamilySeparations separations;
    private final SharingAgreements agreements;
    private final AuditTrail audit;
    private final Pseudonymiser pseudonymiser;

    public HouseholdFamilyHistory(Families families, FamilySeparations separations, SharingAgreements agreements,
            AuditTrail audit, Pseudonymiser pseudonymiser) {
        this.families = families;
        this.separations = separations;
        this.agreements = agreements;
        this.audit = audit;
        this.pseudonymiser = pseudonymiser;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public FamilyFlag record(MatchedFlag matched) {
        ReceivedFlag flag = matched.flag();
        List<UUID> personIds = matched.persons().stream().map(MatchedPerson::personId).distinct().toList();
        List<String> households = flag.subjects().stream()
                .map(subject -> subject.address() == null ? null : Normalise.householdKey(
                        subject.address().uprn(), subject.address().postcode(), subject.address().line1()))
                .filter(Objects::nonNull).distinct().toList();

        List<UUID> named = families.familiesOf(personIds);
        Set<UUID> related = new LinkedHashSet<>(named);
        Set<UUID> keptApart = new LinkedHashSet<>();
        for (String household : households) {
            families.byHousehold(household).filter(byAddress -> !related.contains(byAddress)).ifPresent(byAddress -> {
                if (separations.separatedFromAny(byAddress, named)) {
                    keptApart.add(byAddress);
                } else {
                    related.add(byAddress);
                }
            });
        }
        UUID familyId = related.isEmpty()
                ? families.create(households.isEmpty() ? null : households.get(0), firstPostcode(flag))
                : mergeUnlessSeparated(related, flag, keptApart);
        keptApart.forEach(apart -> audit.append(entry(flag, Decision.FAMILIES_KEPT_APART).detail(Map.of(
                "familyId", familyId.toString(), "keptApartFamilyId", apart.toString(),
                "evidence", "a match reviewer split these families"))));

        for (MatchedPerson person : matched.persons()) {
            if (families.familyOf(person.personId()).filter(keptApart::contains).isPresent()) {
                continue; // named with someone of a family they were split from: stays in their own
            }
            Subject subject = flag.subjects().get(person.subjectIndex());
            families.addMember(familyId, person.personId(), subject.role(), subject.relationshipToChild());
        }
        Need need = NeedClassifier.classify(flag);
        Period retention = agreements.ruleFor(flag.agency().kind(), flag.flagType())
                .orElseThrow(() -> new IllegalStateException("no agreement in force for a shared " + flag.flagType()))
                .rule().retention();
        families.recordFlag(familyId, flag, need, personIds, flag.occurredOn().plus(retention));
        audit.append(entry(flag, Decision.FAMILY_LINKED).detail(Map.of("familyId", familyId.toString(),
                "needCategory", Objects.toString(need.category(), "none"), "severity", need.severity())));
        return new FamilyFlag(flag, familyId);
    }

    /**
     * Merges the related families into the oldest, oldest first, except any split apart from it: those are
     * added to {@code keptApart}. A merge carries the merged family's separations over to the survivor, so
     * a family split from one merged earlier is kept apart too.
     */
    private UUID mergeUnlessSeparated(Set<UUID> related, ReceivedFlag flag, Set<UUID> keptApart) {
        List<UUID> byAge = families.byAge(related);
        UUID survivor = byAge.get(0);
        for (UUID other : byAge.subList(1, byAge.size())) {
            if (separations.between(survivor, other)) {
                keptApart.add(other);
                continue;
            }
            families.merge(other, survivor);
            audit.append(entry(flag, Decision.FAMILIES_MERGED).detail(Map.of(
                    "survivingFamilyId", survivor.toString(), "mergedFamilyId", other.toString(),
                    "evidence", "shared household or declared relationship in one flag")));
        }
        return survivor;
    }

    private AuditEntry entry(ReceivedFlag flag, String decision) {
        return AuditEntry.of(decision).agency(flag.agency().id(), flag.channel())
                .flag(flag.flagType(), flag.receiptId()).rule(RULE_ID, RULE_VERSION)
                .subjects(pseudonymiser.keysFor(flag.subjects()));
    }

    private static String firstPostcode(ReceivedFlag flag) {
        return flag.subjects().stream().map(Subject::postcode).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
