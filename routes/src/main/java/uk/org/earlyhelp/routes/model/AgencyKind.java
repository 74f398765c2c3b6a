package uk.org.earlyhelp.routes.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of partner agency; information-sharing agreements are written per kind. */
public enum AgencyKind {
    SCHOOL("school"),
    HEALTH_VISITING("health-visiting"),
    POLICE("police"),
    ADULT_SERVICES("adult-services");

    private final String id;

    AgencyKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static AgencyKind fromId(String id) {
        for (AgencyKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown agency kind '" + id + "'");
    }
}
