package uk.org.earlyhelp.routes.intake;

/** Original-mode HL7 acknowledgements for the MLLP channel; implemented by the gateway with HAPI. */
public interface Hl7Acknowledgements {

    /**
     * {@code AA}: the flag is durably on the broker (or the message raises no flag).
     *
     * @param receipt the intake receipt, or null when the message raised no flag
     */
    String accepted(String hl7, IntakeReceipt receipt);

    /**
     * {@code AE} with ERR segments for invalid content, {@code AR} for an unsupported message or an
     * unauthorised sender.
     *
     * @param failure what the route caught: an {@link IntakeRejection}, possibly wrapped by Camel
     * @param mapped  the message as read, when reading got that far (to name HL7 locations for schema errors)
     */
    String refused(String hl7, Throwable failure, Hl7Flag mapped);
}
