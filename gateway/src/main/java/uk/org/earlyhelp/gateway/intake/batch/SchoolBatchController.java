package uk.org.earlyhelp.gateway.intake.batch;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.org.earlyhelp.gateway.agency.ConfiguredAgency;
import uk.org.earlyhelp.routes.intake.BatchSummary;
import uk.org.earlyhelp.routes.intake.IncomingBatch;
import uk.org.earlyhelp.routes.intake.SchoolBatchRoute;

/**
 * {@code POST /api/v1/batches}: the school's CSV, streamed row by row through intake while the request
 * is read, answered when the last row is durable (synchronous: a nightly file, and the answer already
 * holds the report). 202 because the pipeline has yet to process the flags. Reports are read by the
 * school that sent the batch only; the school is its client certificate.
 */
@RestController
@RequestMapping("/api/v1/batches")
public class SchoolBatchController {

    static final String PATH = "/api/v1/batches/";
    private static final int RECENT = 50;

    private final ProducerTemplate intake;
    private final BatchStore store;

    public SchoolBatchController(ProducerTemplate intake, BatchStore store) {
        this.intake = intake;
        this.store = store;
    }

    @PostMapping(consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<BatchReport> submit(@AuthenticationPrincipal ConfiguredAgency school, InputStream body) {
        BatchSummary summary = intake.requestBody(SchoolBatchRoute.HTTP_ENDPOINT,
                new IncomingBatch(school.asAgency(), "https", body), BatchSummary.class);
        return ResponseEntity.accepted().location(URI.create(PATH + summary.batchId()))
                .body(store.report(UUID.fromString(summary.batchId())).orElseThrow());
    }

    @GetMapping(path = "/{batchId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> report(@AuthenticationPrincipal ConfiguredAgency school, @PathVariable UUID batchId) {
        return store.report(batchId)
                .<ResponseEntity<?>>map(report -> report.agency().equals(school.id()) ? ResponseEntity.ok(report)
                        : BatchProblems.answer(HttpStatus.FORBIDDEN, "batch-of-another-agency",
                                "Not your batch", "Only the school that sent a batch may read its report."))
                .orElseGet(() -> BatchProblems.answer(HttpStatus.NOT_FOUND, "no-such-batch", "No such batch",
                        "No batch has this id."));
    }

    /** The school's own most recent batches (newest first), e.g. to find the report of a dropped file. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<BatchReport> recent(@AuthenticationPrincipal ConfiguredAgency school) {
        return store.recent(school.id(), RECENT);
    }
}
