package uk.org.earlyhelp.gateway.console.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The audit search form: optionally a person ({@link PersonForm}), and filters by agency, flag type,
 * decision, agreement, locality and a range of days (UTC, both days included); a page at a time.
 */
public class AuditSearchForm extends PersonForm {

    private String agency;
    private String flagType;
    private String decision;
    private String agreement;
    private String locality;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private int page;

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>(super.problems());
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("To: before From");
        }
        if (page < 0) {
            problems.add("Page: cannot be negative");
        }
        return problems;
    }

    /** The start of the first day. */
    public Instant fromInstant() {
        return from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The end of the last day (exclusive). */
    public Instant toInstant() {
        return to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getAgency() {
        return blankToNull(agency);
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public String getFlagType() {
        return blankToNull(flagType);
    }

    public void setFlagType(String flagType) {
        this.flagType = flagType;
    }

    public String getDecision() {
        return blankToNull(decision);
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public String getAgreement() {
        return blankToNull(agreement);
    }

    public void setAgreement(String agreement) {
        this.agreement = agreement;
    }

    public String getLocality() {
        return blankToNull(locality);
    }

    public void setLocality(String locality) {
        this.locality = locality;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
