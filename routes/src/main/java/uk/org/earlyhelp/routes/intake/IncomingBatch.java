package uk.org.earlyhelp.routes.intake;

import java.io.InputStream;
import uk.org.earlyhelp.routes.model.Agency;

/**
 * A school's CSV batch as a channel received it, before anything was read.
 *
 * @param agency    the school, from its client certificate or from the inbox folder it was dropped in
 * @param transport how it came: {@code https} or {@code inbox}
 * @param content   the file, read once, row by row, never held whole
 */
public record IncomingBatch(Agency agency, String transport, InputStream content) {
}
