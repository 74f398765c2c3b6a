package uk.org.earlyhelp.routes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TransientFailureTest {

    @Test
    void anUnreachableDatabaseIsTransientHoweverDeeplyWrapped() {
        assertThat(TransientFailure.isTransientCause(new IllegalStateException(new SQLTransientConnectionException("pool"))))
                .isTrue();
        assertThat(TransientFailure.isTransientCause(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(TransientFailure.isTransientCause(new RuntimeException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void aFailureOfTheFlagItselfIsNotTransient() {
        assertThat(TransientFailure.isTransientCause(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientFailure.isTransientCause(new IllegalArgumentException("not a received flag"))).isFalse();
        assertThat(TransientFailure.isTransientCause(null)).isFalse();
    }
}
