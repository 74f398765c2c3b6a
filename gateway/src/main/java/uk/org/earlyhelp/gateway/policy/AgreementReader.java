package uk.org.earlyhelp.gateway.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.model.AgencyKind;
import uk.org.earlyhelp.schemas.FieldError;
import uk.org.earlyhelp.schemas.FlagSchemas;

/**
 * Reads the agreement files (one agreement per YAML file), checks each against the published agreement
 * schema and the rules of consistency, and indexes them. Every problem in every file is reported at once,
 * each naming the file, the rule and what is wrong.
 */
@Component
public class AgreementReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final FlagSchemas schemas;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    public AgreementReader(FlagSchemas schemas) {
        this.schemas = schemas;
    }

    /** @throws InvalidAgreements naming every problem found */
    public AgreementSet read(String location) {
        List<AgreementFile> files = files(location);
        List<AgreementProblem> problems = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (AgreementFile file : files) {
            parse(file, problems).ifPresent(agreement -> {
                problems.addAll(AgreementConsistency.check(file.name(), agreement));
                parsed.add(new Parsed(file.name(), agreement));
            });
        }
        Map<String, ApplicableRule> index = index(parsed, problems);
        if (files.isEmpty()) {
            problems.add(new AgreementProblem(location, "", "no agreement files found"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAgreements(problems);
        }
        return new AgreementSet(parsed.stream().map(Parsed::agreement).toList(), Map.copyOf(index),
                fingerprint(files));
    }

    /** The digest of the files as they are now, to tell whether anything changed since the last read. */
    public String fingerprint(String location) {
        return fingerprint(files(location));
    }

    private record AgreementFile(String name, String text) {
    }

    private record Parsed(String file, SharingAgreement agreement) {
    }

    private Optional<SharingAgreement> parse(AgreementFile file, List<AgreementProblem> problems) {
        try {
            JsonNode document = YAML.readTree(file.text());
            List<FieldError> errors = schemas.validateAgreement(document);
            if (!errors.isEmpty()) {
                errors.forEach(error -> problems.add(new AgreementProblem(file.name(), error.field(), error.problem())));
                return Optional.empty();
            }
            return Optional.of(YAML.treeToValue(document, SharingAgreement.class));
        } catch (JsonProcessingException e) {
            problems.add(new AgreementProblem(file.name(), "", "not valid YAML: " + e.getOriginalMessage()));
            return Optional.empty();
        }
    }

    private static Map<String, ApplicableRule> index(List<Parsed> parsed, List<AgreementProblem> problems) {
        Map<String, ApplicableRule> index = new HashMap<>();
        Map<String, String> fileOfAgreement = new HashMap<>();
        for (Parsed each : parsed) {
            SharingAgreement agreement = each.agreement();
            String earlier = fileOfAgreement.putIfAbsent(agreement.id(), each.file());
            if (earlier != null) {
                problems.add(new AgreementProblem(each.file(), "", "agreement id " + agreement.id()
                        + " is also used in " + earlier));
            }
            for (AgreementRule rule : agreement.rules()) {
                for (AgencyKind kind : agreement.agencyKinds()) {
                    ApplicableRule previous = index.put(AgreementSet.key(kind, rule.flagType()),
                            new ApplicableRule(agreement, rule));
                    if (previous != null) {
                        problems.add(new AgreementProblem(each.file(), rule.ruleId(), kind.id() + " sending "
                                + rule.flagType() + " is governed both by rule " + previous.rule().ruleId()
                                + " of " + previous.agreement().id() + " and by rule " + rule.ruleId()
                                + " of " + agreement.id()));
                    }
                }
            }
        }
        return index;
    }

    private List<AgreementFile> files(String location) {
        try {
            Resource[] resources = resolver.getResources(location);
            Arrays.sort(resources, Comparator.comparing(resource -> String.valueOf(resource.getFilename())));
            List<AgreementFile> files = new ArrayList<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    files.add(new AgreementFile(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agreements at " + location, e);
        }
    }

    private static String fingerprint(List<AgreementFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (AgreementFile file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
