package uk.org.earlyhelp.routes.intake;

/** What the sender gets back once its flag is durable: the receipt id to quote. */
public record IntakeReceipt(String receiptId, boolean duplicate) {

    public static IntakeReceipt of(AdmittedFlag admitted) {
        return new IntakeReceipt(admitted.receiptId(), admitted.duplicate());
    }
}
