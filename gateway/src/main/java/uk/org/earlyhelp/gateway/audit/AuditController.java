package uk.org.earlyhelp.gateway.audit;

import java.time.Instant;
import java.util.List;
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

    public AuditController(AuditSearch search, AuditChainVerifier verifier) {
        this.search = search;
        this.verifier = verifier;
    }

    public record AuditPage(int page, int size, List<AuditRecord> records) {
    }

    @GetMapping
    public AuditPage find(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String receipt,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        int boundedSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int boundedPage = Math.max(0, page);
        return new AuditPage(boundedPage, boundedSize, search.find(
                new AuditSearch.Criteria(from, to, agency, decision, receipt, boundedPage, boundedSize)));
    }

    @GetMapping("/verification")
    public ChainVerification verify() {
        return verifier.verify();
    }
}
