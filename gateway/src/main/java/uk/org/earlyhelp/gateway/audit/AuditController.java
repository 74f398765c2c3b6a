package uk.org.earlyhelp.gateway.audit;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit API for information-governance officers (access is granted in the security configuration). */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private static final int MAX_PAGE_SIZE = 500;

    private final AuditSearch search;
    private final AuditChainVerifier verifier;
    private final Pseudonymiser pseudonymiser;
    private final AuditViews views;

    public AuditController(AuditSearch search, AuditChainVerifier verifier, Pseudonymiser pseudonymiser,
            AuditViews views) {
        this.search = search;
        this.verifier = verifier;
        this.pseudonymiser = pseudonymiser;
        this.views = views;
    }

    public record AuditPage(int page, int size, List<AuditRecord> records) {
    }

    /**
     * Searches the audit. A search by person (NHS number, UPN, or family name, given name and date of
     * birth) is made by the person's pseudonymous keys and is itself audited as {@code viewed}.
     */
    @GetMapping
    public AuditPage find(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String receipt,
            @RequestParam(required = false) String nhsNumber,
            @RequestParam(required = false) String upn,
            @RequestParam(required = false) String familyName,
            @RequestParam(required = false) String givenName,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
            @RequestParam(required = false) String flagType,
            @RequestParam(required = false) String ruleId,
            @RequestParam(required = false) String locality,
            @RequestParam(required = false) String agreement,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Principal user) {
        int boundedSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int boundedPage = Math.max(0, page);
        PersonIdentifiers person = new PersonIdentifiers(nhsNumber, upn, familyName, givenName, dateOfBirth);
        List<String> keys = List.of();
        if (!person.isEmpty()) {
            keys = personKeys(person);
            Map<String, Object> filters = new LinkedHashMap<>();
            putIfSet(filters, "agency", agency);
            putIfSet(filters, "decision", decision);
            putIfSet(filters, "flagType", flagType);
            putIfSet(filters, "ruleId", ruleId);
            putIfSet(filters, "locality", locality);
            putIfSet(filters, "agreement", agreement);
            views.record(user.getName(), "person-search", keys, filters);
        }
        return new AuditPage(boundedPage, boundedSize, search.find(new AuditSearch.Criteria(from, to, agency, decision,
                receipt, keys, flagType, ruleId, locality, agreement, boundedPage, boundedSize)));
    }

    @GetMapping("/verification")
    public ChainVerification verify() {
        return verifier.verify();
    }

    /** The person's pseudonymous keys, or 400 when the identifiers do not name one person. */
    List<String> personKeys(PersonIdentifiers person) {
        if (!person.isComplete()) {
            throw new InvalidAuditQuery(
                    "give nhsNumber, upn, or familyName with givenName and dateOfBirth");
        }
        return person.keys(pseudonymiser);
    }

    private static void putIfSet(Map<String, Object> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
