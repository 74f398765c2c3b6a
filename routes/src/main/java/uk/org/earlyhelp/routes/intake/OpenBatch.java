package uk.org.earlyhelp.routes.intake;

/** A batch whose header has been read and which is recorded as processing; rows are read from it. */
public interface OpenBatch {

    String batchId();
}
