package uk.org.earlyhelp.routes.pipeline;

/**
 * An alert version to send to a locality team (or triage).
 *
 * @param destination the broker address, {@code alerts.locality.<id>} or {@code alerts.triage}
 * @param familyId    lets a team's consumers keep each family's alert versions in order
 * @param json        the alert document, valid against the published alert schema
 */
public record AlertPublication(String destination, String alertId, int version, String familyId, String json) {

    /** Broker duplicate detection: a version is published once even if the pipeline step is retried. */
    public String deduplicationId() {
        return alertId + ":" + version;
    }
}
