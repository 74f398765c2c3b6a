package uk.org.earlyhelp.gateway.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.Principal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports from the audit for IG officers: subject access, monthly statistics, and a FHIR export. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditReportsController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    private static final int MAX_FHIR_PAGE = 5000;

    private final AuditController people;
    private final SubjectAccessReport subjectAccess;
    private final DisclosureStatistics statistics;
    private final FhirAuditEvents fhir;
    private final AuditViews views;

    public AuditReportsController(AuditController people, SubjectAccessReport subjectAccess,
            DisclosureStatistics statistics, FhirAuditEvents fhir, AuditViews views) {
        this.people = people;
        this.subjectAccess = subjectAccess;
        this.statistics = statistics;
        this.fhir = fhir;
        this.views = views;
    }

    /** Everything disclosed about one person, as JSON or ({@code format=csv}) CSV; the view is audited. */
    @GetMapping("/subject-access")
    public ResponseEntity<?> subjectAccess(
            @RequestParam(required = false) String nhsNumber,
            @RequestParam(required = false) String upn,
            @RequestParam(required = false) String familyName,
            @RequestParam(required = false) String givenName,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
            @RequestParam(defaultValue = "json") String format,
            Principal user) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"json".equalsIgnoreCase(format)) {
            throw new InvalidAuditQuery("format is json or csv");
        }
        PersonIdentifiers person = new PersonIdentifiers(nhsNumber, upn, familyName, givenName, dateOfBirth);
        List<String> keys = people.personKeys(person);
        views.record(user.getName(), "subject-access", keys, Map.of("format", csv ? "csv" : "json"));
        SubjectAccessReport.Report report = subjectAccess.about(keys);
        if (csv) {
            return ResponseEntity.ok().contentType(TEXT_CSV)
                    .header("Content-Disposition", "attachment; filename=\"subject-access.csv\"")
                    .body(SubjectAccessReport.csv(report));
        }
        return ResponseEntity.ok(report);
    }

    /** Counts per agreement, agency and decision in one calendar month (UTC). */
    @GetMapping("/statistics")
    public DisclosureStatistics.Month statistics(@RequestParam int year, @RequestParam int month) {
        try {
            return statistics.of(YearMonth.of(year, month));
        } catch (DateTimeException e) {
            throw new InvalidAuditQuery("no such month");
        }
    }

    /** The audit records of a period as a FHIR R4 Bundle of AuditEvents, a page at a time, oldest first. */
    @GetMapping("/fhir")
    public ResponseEntity<ObjectNode> fhir(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "1000") int size) {
        int boundedSize = Math.max(1, Math.min(size, MAX_FHIR_PAGE));
        String self = "/api/v1/audit/fhir?from=" + (from == null ? "" : from) + "&to=" + (to == null ? "" : to);
        return ResponseEntity.ok().contentType(FHIR_JSON)
                .body(fhir.bundle(from, to, Math.max(0, page), boundedSize, self));
    }
}
