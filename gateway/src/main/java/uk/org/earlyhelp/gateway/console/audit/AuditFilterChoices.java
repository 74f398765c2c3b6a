package uk.org.earlyhelp.gateway.console.audit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.agency.AgencySettings;
import uk.org.earlyhelp.gateway.agency.ConfiguredAgency;
import uk.org.earlyhelp.gateway.alerting.AlertingSettings;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.policy.SharingAgreement;
import uk.org.earlyhelp.gateway.policy.SharingAgreements;

/** What the audit search's drop-downs offer: the configured agencies, flag types, agreements, localities. */
@Component
public class AuditFilterChoices {

    private final AgencySettings agencies;
    private final AlertingSettings alerting;
    private final SharingAgreements agreements;
    private final List<String> decisions;

    public AuditFilterChoices(AgencySettings agencies, AlertingSettings alerting, SharingAgreements agreements) {
        this.agencies = agencies;
        this.alerting = alerting;
        this.agreements = agreements;
        this.decisions = decisionIds();
    }

    public List<String> agencies() {
        return agencies.agencies().stream().map(ConfiguredAgency::id).sorted().toList();
    }

    public List<String> flagTypes() {
        TreeSet<String> types = new TreeSet<>();
        agencies.agencies().forEach(agency -> types.addAll(agency.flagTypes()));
        return List.copyOf(types);
    }

    public List<String> decisions() {
        return decisions;
    }

    /** The agreements in force now (older ones can still be typed). */
    public List<String> agreements() {
        return agreements.inForce().stream().map(SharingAgreement::id).sorted().toList();
    }

    /** The locality teams, and triage for alerts no team covers. */
    public List<String> localities() {
        List<String> ids = new ArrayList<>(alerting.localities().stream().map(AlertingSettings.Locality::id).toList());
        ids.add("triage");
        return ids;
    }

    /** Every decision id the audit can hold, from {@link Decision}'s constants. */
    private static List<String> decisionIds() {
        List<String> ids = new ArrayList<>();
        for (Field field : Decision.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    ids.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return ids.stream().sorted().toList();
    }
}
