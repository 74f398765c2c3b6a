package uk.org.earlyhelp.gateway.policy;

/**
 * The legal grounds a rule shares under.
 *
 * @param article6   the UK GDPR Article 6 basis, e.g. "6(1)(e) public task"
 * @param article9   for special-category data, the Article 9 condition, e.g. "9(2)(g) substantial public interest"
 * @param schedule1  the DPA 2018 Schedule 1 condition that goes with 9(2)(g)
 */
public record LawfulBasis(String article6, String article9, String schedule1) {
}
