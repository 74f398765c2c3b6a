package uk.org.earlyhelp.gateway.embedded;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.x500.X500Principal;
import org.apache.activemq.artemis.core.remoting.CertificateUtil;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import uk.org.earlyhelp.gateway.agency.AgencySettings;
import uk.org.earlyhelp.gateway.agency.ConfiguredAgency;
import uk.org.earlyhelp.gateway.alerting.AlertingSettings;
import uk.org.earlyhelp.routes.Queues;

/**
 * Who may connect to the embedded broker, and as what. The gateway itself connects in-VM; everyone else
 * comes over TLS and is who their client certificate says. A locality team's certificate gives the role
 * {@code locality-<id>}, allowed only to consume {@code alerts.locality.<id>}; an agency's gives
 * {@code agency-<id>}, allowed only to send to {@code flags.inbound.<id>}. No user names or passwords
 * are accepted.
 */
class BrokerAccess implements ActiveMQSecurityManager5 {

    static final String GATEWAY_ROLE = "gateway";

    private final Map<X500Principal, String> roleBySubject = new HashMap<>();

    BrokerAccess(AlertingSettings alerting, AgencySettings agencies) {
        alerting.localities().stream().filter(locality -> locality.certificateSubject() != null).forEach(locality ->
                roleBySubject.put(new X500Principal(locality.certificateSubject()), localityRole(locality.id())));
        agencies.agencies().forEach(agency ->
                roleBySubject.put(new X500Principal(agency.certificateSubject()), agencyRole(agency.id())));
    }

    static String localityRole(String localityId) {
        return "locality-" + localityId;
    }

    static String agencyRole(String agencyId) {
        return "agency-" + agencyId;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (connection == null) {
            return null;
        }
        if (connection.getTransportConnection() instanceof InVMConnection) {
            return subject(GATEWAY_ROLE, GATEWAY_ROLE);
        }
        X509Certificate[] certificates = CertificateUtil.getCertsFromConnection(connection);
        if (certificates == null || certificates.length == 0) {
            return null;
        }
        String role = roleBySubject.get(certificates[0].getSubjectX500Principal());
        return role == null ? null : subject(role, role);
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        Set<String> held = subject.getPrincipals(RolePrincipal.class).stream()
                .map(RolePrincipal::getName).collect(Collectors.toSet());
        return roles.stream().anyMatch(role -> held.contains(role.getName()) && checkType.hasRole(role));
    }

    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }

    private static Subject subject(String user, String role) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal(role));
        return subject;
    }

    /**
     * The gateway may do anything; a locality team may read its own alerts and nothing else; an agency
     * may send to its own inbound address and nothing else.
     */
    static Map<String, Set<Role>> securitySettings(AlertingSettings alerting, AgencySettings agencies) {
        Map<String, Set<Role>> settings = new HashMap<>();
        settings.put("#", Set.of(gatewayRole()));
        for (AlertingSettings.Locality locality : alerting.localities()) {
            Role team = new Role();
            team.setName(localityRole(locality.id()));
            team.setConsume(true);
            team.setBrowse(true);
            // A team that connects before its first alert needs its queue created.
            team.setCreateAddress(true);
            team.setCreateDurableQueue(true);
            settings.put(Queues.alertsForLocality(locality.id()), Set.of(gatewayRole(), team));
        }
        for (ConfiguredAgency agency : agencies.agencies()) {
            Role sender = new Role();
            sender.setName(agencyRole(agency.id()));
            sender.setSend(true);
            settings.put(Queues.inboundForAgency(agency.id()), Set.of(gatewayRole(), sender));
        }
        return settings;
    }

    private static Role gatewayRole() {
        Role gateway = new Role();
        gateway.setName(GATEWAY_ROLE);
        gateway.setSend(true);
        gateway.setConsume(true);
        gateway.setBrowse(true);
        gateway.setCreateAddress(true);
        gateway.setDeleteAddress(true);
        gateway.setCreateDurableQueue(true);
        gateway.setDeleteDurableQueue(true);
        gateway.setCreateNonDurableQueue(true);
        gateway.setDeleteNonDurableQueue(true);
        gateway.setManage(true);
        gateway.setView(true);
        gateway.setEdit(true);
        return gateway;
    }
}
