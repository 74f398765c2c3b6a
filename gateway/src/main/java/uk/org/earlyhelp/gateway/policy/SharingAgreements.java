package uk.org.earlyhelp.gateway.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.model.AgencyKind;

/** The agreements in force, read from YAML at start-up and checked so each kind and type has one rule. */
@Component
public class SharingAgreements {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, ApplicableRule> byKindAndType;

    public SharingAgreements(PolicySettings settings) {
        this.byKindAndType = index(read(settings), settings.agreements().getDescription());
    }

    public Optional<ApplicableRule> ruleFor(AgencyKind kind, String flagType) {
        return Optional.ofNullable(byKindAndType.get(key(kind, flagType)));
    }

    private static List<SharingAgreement> read(PolicySettings settings) {
        try (InputStream in = settings.agreements().getInputStream()) {
            return YAML.readValue(in, AgreementsFile.class).agreements();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sharing agreements from "
                    + settings.agreements().getDescription() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, ApplicableRule> index(List<SharingAgreement> agreements, String source) {
        Map<String, ApplicableRule> index = new HashMap<>();
        for (SharingAgreement agreement : agreements) {
            for (AgreementRule rule : agreement.rules()) {
                if (rule.consent() == null || rule.lawfulBasis() == null || rule.lawfulBasis().article6() == null) {
                    throw new IllegalStateException(source + ": rule " + rule.ruleId() + " of agreement "
                            + agreement.id() + " needs a consent rule and an Article 6 lawful basis");
                }
                for (AgencyKind kind : agreement.agencyKinds()) {
                    ApplicableRule previous = index.put(key(kind, rule.flagType()), new ApplicableRule(agreement, rule));
                    if (previous != null) {
                        throw new IllegalStateException(source + ": " + kind.id() + " sending " + rule.flagType()
                                + " is governed by both rule " + previous.rule().ruleId() + " and rule " + rule.ruleId());
                    }
                }
            }
        }
        return Map.copyOf(index);
    }

    private static String key(AgencyKind kind, String flagType) {
        return kind.id() + "/" + flagType;
    }

    private record AgreementsFile(List<SharingAgreement> agreements) {
    }
}
