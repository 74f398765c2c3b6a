package uk.org.earlyhelp.routes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class DeadLetterReasonTest {

    private static final String QUOTING_MESSAGE =
            "ERROR: duplicate key value violates unique constraint; Detail: Key (family_name)=(Hart) already exists";

    @Test
    void aDatabaseErrorIsDescribedByItsSqlStateOnly() {
        String reason = DeadLetterReason.describe(new SQLException(QUOTING_MESSAGE, "23505"));

        assertThat(reason).isEqualTo("database error (SQL state 23505)");
    }

    @Test
    void aDatabaseErrorDeepInTheCauseChainIsStillDescribedByItsSqlStateOnly() {
        Throwable failure = new RuntimeException("stage failed",
                new IllegalStateException("could not record flag", new SQLException(QUOTING_MESSAGE, "23505")));

        String reason = DeadLetterReason.describe(failure);

        assertThat(reason).isEqualTo("database error (SQL state 23505)");
    }

    @Test
    void aDatabaseErrorNeverRepeatsTheValuesItsMessageQuotes() {
        Throwable failure = new RuntimeException(new SQLException(QUOTING_MESSAGE, "23505"));

        assertThat(DeadLetterReason.describe(failure)).doesNotContain("Hart").doesNotContain("family_name");
    }

    @Test
    void aDatabaseErrorBelowANonDatabaseRootIsStillDescribedBySqlState() {
        SQLException sql = new SQLException(QUOTING_MESSAGE, "40001", new IOException("connection reset"));

        assertThat(DeadLetterReason.describe(new RuntimeException(sql))).isEqualTo("database error (SQL state 40001)");
    }

    @Test
    void aSubclassOfSqlExceptionCountsAsADatabaseError() {
        Throwable failure = new RuntimeException(new SQLIntegrityConstraintViolationException(QUOTING_MESSAGE, "23000"));

        assertThat(DeadLetterReason.describe(failure)).isEqualTo("database error (SQL state 23000)");
    }

    @Test
    void anyOtherFailureIsDescribedByItsRootCausesSimpleClassNameAndMessage() {
        Throwable failure = new RuntimeException("outer wrapper",
                new UncheckedIOException("middle", new IOException("broker connection lost")));

        assertThat(DeadLetterReason.describe(failure)).isEqualTo("IOException: broker connection lost");
    }

    @Test
    void aFailureWithoutCauseIsDescribedByItself() {
        assertThat(DeadLetterReason.describe(new IllegalStateException("no family for receipt")))
                .isEqualTo("IllegalStateException: no family for receipt");
    }

    @Test
    void aRootCauseWithoutMessageIsDescribedByItsClassNameAlone() {
        Throwable failure = new RuntimeException("wrapper", new IllegalStateException());

        assertThat(DeadLetterReason.describe(failure)).isEqualTo("IllegalStateException");
    }

    @Test
    void noRecordedFailureIsAnUnknownFailure() {
        assertThat(DeadLetterReason.describe(null)).isEqualTo("unknown failure");
    }
}
