package uk.org.earlyhelp.gateway.alerting;

import java.time.Instant;
import java.util.UUID;

/** A family's open alert as stored. */
record OpenAlert(UUID alertId, int version, Instant raisedAt) {
}
