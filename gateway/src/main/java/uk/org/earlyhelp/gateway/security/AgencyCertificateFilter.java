package uk.org.earlyhelp.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.org.earlyhelp.gateway.agency.AgencyDirectory;
import uk.org.earlyhelp.gateway.agency.ConfiguredAgency;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;

/**
 * Establishes the sending agency from the TLS client certificate (already verified against the
 * gateway's CA by the TLS handshake). A request without a certificate, or with one no configured agency
 * has, is refused with 401 and audited; nothing in the payload can change who the sender is.
 */
class AgencyCertificateFilter extends OncePerRequestFilter {

    private static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private final AgencyDirectory agencies;
    private final AuditTrail audit;
    private final ObjectMapper json;

    AgencyCertificateFilter(AgencyDirectory agencies, AuditTrail audit, ObjectMapper json) {
        this.agencies = agencies;
        this.audit = audit;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        X509Certificate[] chainPresented = (X509Certificate[]) request.getAttribute(CERTIFICATE_ATTRIBUTE);
        if (chainPresented == null || chainPresented.length == 0) {
            refuse(request, response, "no client certificate was presented", Map.of());
            return;
        }
        X509Certificate certificate = chainPresented[0];
        Optional<ConfiguredAgency> agency = agencies.forCertificate(certificate);
        if (agency.isEmpty()) {
            // Certificate subjects name organisations, not people, so they may go on the record.
            refuse(request, response, "the client certificate belongs to no configured agency", Map.of(
                    "certificateSubject", certificate.getSubjectX500Principal().getName(),
                    "certificateSerial", certificate.getSerialNumber().toString(16)));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new AgencyAuthentication(agency.get()));
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason,
            Map<String, Object> certificate) throws IOException {
        Map<String, Object> detail = new java.util.LinkedHashMap<>(certificate);
        detail.put("reason", reason);
        detail.put("path", request.getRequestURI());
        audit.appendIndependently(AuditEntry.of(Decision.AGENCY_REFUSED).agency(null, "https").detail(detail));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, reason);
        problem.setTitle("Unknown agency");
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
