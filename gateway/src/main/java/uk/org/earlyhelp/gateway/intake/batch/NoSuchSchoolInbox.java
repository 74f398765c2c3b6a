package uk.org.earlyhelp.gateway.intake.batch;

import uk.org.earlyhelp.routes.intake.IntakeRejection;

/** A file lies in an inbox folder that is no configured school's: it is not read as anyone's. */
public class NoSuchSchoolInbox extends IntakeRejection {

    NoSuchSchoolInbox() {
        super("the inbox folder is not a configured school's");
    }

    @Override
    public String reason() {
        return "no-such-school-inbox";
    }
}
