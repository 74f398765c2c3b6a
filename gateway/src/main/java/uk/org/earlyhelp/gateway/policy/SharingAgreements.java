package uk.org.earlyhelp.gateway.policy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.model.AgencyKind;

/**
 * The agreements in force. Read and checked at start-up (the gateway does not start on invalid
 * agreements); afterwards a valid change replaces the set at once, and an invalid one is refused while
 * the last valid set stays in force.
 */
@Component
public class SharingAgreements {

    /** The outcome of looking for a change. */
    public sealed interface Reload {
        record Unchanged() implements Reload {
        }

        record Loaded(List<SharingAgreement> agreements) implements Reload {
        }

        record Refused(List<AgreementProblem> problems) implements Reload {
        }
    }

    private final AgreementReader reader;
    private final String location;
    private final AtomicReference<AgreementSet> current;
    /** Refused files are reported once, not again at every check until they change. */
    private final AtomicReference<String> lastRefused = new AtomicReference<>("");

    public SharingAgreements(PolicySettings settings, AgreementReader reader) {
        this.reader = reader;
        this.location = settings.agreements();
        this.current = new AtomicReference<>(reader.read(location));
    }

    public Optional<ApplicableRule> ruleFor(AgencyKind kind, String flagType) {
        return current.get().ruleFor(kind, flagType);
    }

    public List<SharingAgreement> inForce() {
        return current.get().agreements();
    }

    /** Re-reads the files if they changed since the set in force was read. */
    public Reload reloadIfChanged() {
        String fingerprint = reader.fingerprint(location);
        if (fingerprint.equals(current.get().fingerprint()) || fingerprint.equals(lastRefused.get())) {
            return new Reload.Unchanged();
        }
        try {
            AgreementSet fresh = reader.read(location);
            current.set(fresh);
            return new Reload.Loaded(fresh.agreements());
        } catch (InvalidAgreements refused) {
            lastRefused.set(fingerprint);
            return new Reload.Refused(refused.problems());
        }
    }
}
