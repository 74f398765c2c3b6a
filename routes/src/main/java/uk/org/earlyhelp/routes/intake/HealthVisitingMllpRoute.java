package uk.org.earlyhelp.routes.intake;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mllp.MllpConstants;
import org.springframework.stereotype.Component;

/**
 * Health visiting: HL7 v2 over MLLP with TLS. One listener for every health-visiting system; the TLS
 * handshake requires a client certificate issued by the gateway's CA, and the sender is the agency whose
 * configured subject that certificate carries.
 *
 * <p>Why one listener and not one per agency: camel-mllp 4.17 already puts the verified peer certificate's
 * subject on each exchange ({@code CamelMllpSslClientCertSubjectName}, set from the SSL session in
 * {@code MllpTcpServerConsumer.enrichWithClientCertInformation}), so the route can tell agencies apart
 * without a port and trust manager per agency. The payload can never change who the sender is: MSH-3/4
 * are not read for identity.
 *
 * <p>Acknowledgements are original mode and built by {@link Hl7Acknowledgements} ({@code autoAck=false}):
 * {@code AA} only after the shared intake returned, i.e. the flag is durable on the broker; {@code AE}
 * with ERR segments for invalid content; {@code AR} for an unsupported message or an unknown sender. When
 * the flag could not be made durable for another reason nothing is acknowledged: the connection is reset
 * and the sender resends (a resend with the same MSH-10 is recognised as a duplicate).
 */
@Component
public class HealthVisitingMllpRoute extends RouteBuilder {

    public static final String ROUTE_ID = "intake-health-visiting-mllp";
    public static final String CHANNEL = "mllp-hl7v2";
    /** The bean holding the listener's TLS settings (client certificates required). */
    public static final String TLS_PARAMETERS = "healthVisitingMllpTls";

    static final String LISTENER = "mllp://{{gateway.mllp.host}}:{{gateway.mllp.port}}"
            + "?sslContextParameters=#" + TLS_PARAMETERS
            + "&autoAck=false"
            // A frame larger than this is refused (connection reset), never buffered without bound.
            + "&maxBufferSize={{gateway.mllp.max-message-bytes}}"
            + "&maxConcurrentConsumers={{gateway.mllp.max-connections}}";

    private final Hl7Senders senders;
    private final Hl7FlagMapper mapper;
    private final Hl7Acknowledgements acknowledgements;

    public HealthVisitingMllpRoute(Hl7Senders senders, Hl7FlagMapper mapper, Hl7Acknowledgements acknowledgements) {
        this.senders = senders;
        this.mapper = mapper;
        this.acknowledgements = acknowledgements;
    }

    @Override
    public void configure() {
        from(LISTENER).routeId(ROUTE_ID)
                // Anything but a refusal: nothing was made durable, so nothing is acknowledged. Only the
                // type is logged, as a message from the broker or database could quote the payload.
                .onException(Exception.class)
                    .handled(true).logExhausted(false).logStackTrace(false)
                    .log(LoggingLevel.ERROR, "MLLP message control id ${header.CamelMllpMessageControlId} not "
                            + "accepted: ${exception.class.name}; connection reset, nothing acknowledged")
                    .setProperty(MllpConstants.MLLP_RESET_CONNECTION_BEFORE_SEND, constant(true))
                .end()
                .setProperty("hl7", body())
                // A refusal is an answer for the sender (AE or AR), not a failure of the gateway. Caught
                // here rather than by onException: a rejection thrown inside intake-accept has already
                // been through that route's error handler, and Camel does not handle it a second time.
                .doTry()
                    .setProperty("agency", method(senders,
                            "agencyFor(${header." + MllpConstants.MLLP_SSL_CLIENT_CERT_SUBJECT_NAME + "})"))
                    .setProperty("hl7Flag", method(mapper, "toFlag(${exchangeProperty.agency}, ${body})"))
                    .choice()
                        .when(simple("${exchangeProperty.hl7Flag.raisesFlag}"))
                            .setBody(simple("${exchangeProperty.hl7Flag.flag}"))
                            .to(FlagIntakeRoute.ENDPOINT)
                        .otherwise()
                            .setBody(constant(null))
                    .end()
                    .setProperty(MllpConstants.MLLP_ACKNOWLEDGEMENT_STRING,
                            method(acknowledgements, "accepted(${exchangeProperty.hl7}, ${body})"))
                .endDoTry()
                .doCatch(IntakeRejection.class)
                    .setProperty(MllpConstants.MLLP_ACKNOWLEDGEMENT_STRING, method(acknowledgements,
                            "refused(${exchangeProperty.hl7}, ${exception}, ${exchangeProperty.hl7Flag})"))
                .end();
    }
}
