package uk.org.earlyhelp.routes.intake;

import java.util.concurrent.ExecutorService;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.springframework.stereotype.Component;

/**
 * Schools' CSV batches, over HTTPS and from a drop folder per school. Both read the file one row at a
 * time and send every row that is a flag through the shared {@code intake-accept} route, exactly as a
 * single flag would go: validation, minimisation, receipt, audit and durable enqueue are the same.
 */
@Component
public class SchoolBatchRoute extends RouteBuilder {

    /** The HTTPS channel hands its request body here and gets the {@link BatchSummary} back when done. */
    public static final String HTTP_ENDPOINT = "direct:school-batch-http";

    /** Every flag from a CSV row carries this channel, whichever transport brought the file. */
    public static final String CHANNEL = "csv-batch";

    static final String ROWS = "direct:school-batch-rows";
    private static final String BATCH = "schoolBatch";
    private static final String ROW = "schoolBatchRow";

    private final SchoolBatches batches;

    public SchoolBatchRoute(SchoolBatches batches) {
        this.batches = batches;
    }

    /**
     * A fixed pool whose queue is short and whose overflow runs on the reading thread: the reader never
     * gets more than a few rows ahead of intake, so a large file is never held in memory.
     */
    private ExecutorService rowWorkers() {
        int workers = getContext().getPropertiesComponent().resolveProperty("gateway.batches.concurrent-rows")
                .map(Integer::parseInt).orElse(4);
        return getContext().getExecutorServiceManager().newThreadPool(this, "school-batch-rows",
                new ThreadPoolProfileBuilder("school-batch-rows").poolSize(workers).maxPoolSize(workers)
                        .maxQueueSize(workers * 2).rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build());
    }

    @Override
    public void configure() {
        from(HTTP_ENDPOINT).routeId("intake-school-batch-http")
                .to(ROWS);

        // <inbox>/<agency-id>/<file>.csv only (depth 2); dot files and folders (.done, .failed, a file
        // still being written as .name.csv) are skipped by the file component. A processed file goes to
        // its folder's .done, one that could not be processed to .failed, with a timestamp so a resent
        // file of the same name never replaces an earlier one.
        from("file:" + batches.inboxDirectory() + "?recursive=true&minDepth=2&maxDepth=2&includeExt=csv"
                + "&delay={{gateway.batches.inbox-poll-ms:1000}}"
                + "&move=${file:parent}/.done/${date:now:yyyyMMdd-HHmmss-SSS}-${file:onlyname}"
                + "&moveFailed=${file:parent}/.failed/${date:now:yyyyMMdd-HHmmss-SSS}-${file:onlyname}")
                .routeId("intake-school-batch-inbox")
                // A file that is not a batch is an answer (its report, or the folder's log line), not a
                // gateway fault: the file goes to .failed without an error log and stack trace.
                .onException(IntakeRejection.class)
                    .handled(false).logExhausted(false).logStackTrace(false).logRetryAttempted(false)
                .end()
                .bean(batches, "fromInbox(${header.CamelFileRelativePath}, ${body})")
                .to(ROWS);

        from(ROWS).routeId("intake-school-batch-rows")
                // The batch records its own failure; the channel answers (503, or the file to .failed).
                // Camel's own error log is off: an exception message could quote a row.
                .onException(Exception.class)
                    .handled(false).logExhausted(false).logStackTrace(false).logRetryAttempted(false)
                    .bean(batches, "fail(${exchangeProperty." + BATCH + "}, ${exception})")
                .end()
                .bean(batches, "open")
                .setProperty(BATCH, body())
                // Rows are read one at a time on this thread; up to {{gateway.batches.concurrent-rows}} of
                // them are in intake at once, since each intake waits on a durable broker send.
                .split(method(batches, "rows")).streaming().stopOnException()
                    .parallelProcessing().executorService(rowWorkers())
                    .filter(simple("${body.needsIntake}"))
                        .setProperty(ROW, body())
                        .setBody(simple("${body.flag}"))
                        .doTry()
                            .to(FlagIntakeRoute.ENDPOINT)
                            .bean(batches, "admitted(${exchangeProperty." + BATCH + "}, ${exchangeProperty." + ROW
                                    + "}, ${body})")
                        .doCatch(IntakeRejection.class)
                            .bean(batches, "refused(${exchangeProperty." + BATCH + "}, ${exchangeProperty." + ROW
                                    + "}, ${exception})")
                        .end()
                    .end()
                .end()
                .setBody(exchangeProperty(BATCH))
                .bean(batches, "close");
    }
}
