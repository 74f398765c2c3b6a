package uk.org.earlyhelp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueuesTest {

    @Test
    void aLocalityTeamsAlertQueueIsNamedAfterTheTeam() {
        assertThat(Queues.alertsForLocality("runcorn-north")).isEqualTo("alerts.locality.runcorn-north");
    }

    @Test
    void differentTeamsHaveDifferentQueues() {
        assertThat(Queues.alertsForLocality("widnes")).isNotEqualTo(Queues.alertsForLocality("runcorn-north"));
    }

    @Test
    void noLocalityQueueIsTheTriageQueue() {
        assertThat(Queues.alertsForLocality("triage")).isNotEqualTo(Queues.ALERTS_TRIAGE);
    }
}
