package uk.org.earlyhelp.gateway.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.routes.model.ReceivedFlag;
import uk.org.earlyhelp.routes.model.Subject;
import uk.org.earlyhelp.routes.pipeline.MatchedFlag;
import uk.org.earlyhelp.routes.pipeline.MatchedPerson;
import uk.org.earlyhelp.routes.pipeline.PersonMatcher;
import uk.org.earlyhelp.routes.pipeline.SharingDecision;

/** Resolves every subject of a shared flag to a person, creating those the index has never seen. */
@Component
public class DeterministicPersonMatcher implements PersonMatcher {

    static final String RULE_ID = "deterministic-match";
    static final int RULE_VERSION = 1;
    static final String CREATED = "created";

    private final PersonIndex index;
    private final AuditTrail audit;
    private final Pseudonymiser pseudonymiser;

    public DeterministicPersonMatcher(PersonIndex index, AuditTrail audit, Pseudonymiser pseudonymiser) {
        this.index = index;
        this.audit = audit;
        this.pseudonymiser = pseudonymiser;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public MatchedFlag match(SharingDecision shared) {
        ReceivedFlag flag = shared.flag();
        List<MatchedPerson> persons = new ArrayList<>();
        Map<String, Object> methods = new LinkedHashMap<>();
        for (int i = 0; i < flag.subjects().size(); i++) {
            Subject subject = flag.subjects().get(i);
            PersonIndex.Found found = index.find(subject).orElse(null);
            if (found != null) {
                index.enrich(found.personId(), subject);
            } else {
                found = new PersonIndex.Found(index.create(subject), CREATED);
            }
            persons.add(new MatchedPerson(i, found.personId(), found.method()));
            methods.put("subject" + i, found.method());
        }
        audit.append(AuditEntry.of(Decision.MATCHED).agency(flag.agency().id(), flag.channel())
                .flag(flag.flagType(), flag.receiptId()).rule(RULE_ID, RULE_VERSION)
                .subjects(pseudonymiser.keysFor(flag.subjects())).detail(methods));
        return new MatchedFlag(flag, persons);
    }
}
