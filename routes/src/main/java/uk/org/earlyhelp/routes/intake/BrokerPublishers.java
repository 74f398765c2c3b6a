package uk.org.earlyhelp.routes.intake;

import java.util.List;
import uk.org.earlyhelp.routes.model.Agency;

/** The agencies that may publish flags to the broker, each on its own inbound address. */
public interface BrokerPublishers {

    List<Agency> brokerPublishers();
}
