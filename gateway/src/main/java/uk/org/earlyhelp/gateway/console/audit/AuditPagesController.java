package uk.org.earlyhelp.gateway.console.audit;

import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.org.earlyhelp.gateway.audit.AuditChainVerifier;
import uk.org.earlyhelp.gateway.audit.AuditRecord;
import uk.org.earlyhelp.gateway.audit.AuditSearch;
import uk.org.earlyhelp.gateway.audit.AuditViews;
import uk.org.earlyhelp.gateway.audit.DisclosureStatistics;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.gateway.audit.SubjectAccessReport;
import uk.org.earlyhelp.gateway.console.ConsoleChannel;

/**
 * The IG officer's pages: audit search (by person and filters), the subject access report (printable,
 * and as CSV), the chain verification and the monthly statistics. Every look at a person is audited as
 * {@code viewed} before the data is read, as on the audit API.
 */
@Controller
@RequestMapping("/console/audit")
class AuditPagesController {

    static final int PAGE_SIZE = 50;
    private static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final AuditSearch search;
    private final AuditChainVerifier verifier;
    private final SubjectAccessReport subjectAccess;
    private final DisclosureStatistics statistics;
    private final Pseudonymiser pseudonymiser;
    private final AuditViews views;
    private final AuditFilterChoices choices;
    private final Clock clock;

    AuditPagesController(AuditSearch search, AuditChainVerifier verifier, SubjectAccessReport subjectAccess,
            DisclosureStatistics statistics, Pseudonymiser pseudonymiser, AuditViews views,
            AuditFilterChoices choices, Clock clock) {
        this.search = search;
        this.verifier = verifier;
        this.subjectAccess = subjectAccess;
        this.statistics = statistics;
        this.pseudonymiser = pseudonymiser;
        this.views = views;
        this.choices = choices;
        this.clock = clock;
    }

    /** The search form, with the newest records under it. */
    @GetMapping
    String searchForm(Model model) {
        return results(new AuditSearchForm(), List.of(), List.of(), model);
    }

    /** A search: POST, so that a person's identifiers stay out of URLs. */
    @PostMapping
    String search(@ModelAttribute("form") AuditSearchForm form, BindingResult binding, Principal user, Model model) {
        List<String> problems = problems(form, binding);
        if (!problems.isEmpty()) {
            return results(form, problems, List.of(), model);
        }
        List<String> keys = List.of();
        if (!form.isEmpty()) {
            keys = form.identifiers().keys(pseudonymiser);
            views.record(ConsoleChannel.ID, user.getName(), "person-search", keys, filtersOf(form));
        }
        return results(form, problems, keys, model);
    }

    private String results(AuditSearchForm form, List<String> problems, List<String> keys, Model model) {
        List<AuditRecord> records = problems.isEmpty()
                ? search.find(new AuditSearch.Criteria(form.fromInstant(), form.toInstant(), form.getAgency(),
                        form.getDecision(), null, keys, form.getFlagType(), null, form.getLocality(),
                        form.getAgreement(), form.getPage(), PAGE_SIZE + 1))
                : List.of();
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("records", records.subList(0, Math.min(records.size(), PAGE_SIZE)));
        model.addAttribute("hasNext", records.size() > PAGE_SIZE);
        model.addAttribute("person", !form.isEmpty() && problems.isEmpty());
        model.addAttribute("choices", choices);
        return "console/audit/search";
    }

    /** The subject access report as a printable page. */
    @PostMapping("/subject-access")
    String subjectAccess(@ModelAttribute("form") PersonForm form, BindingResult binding, Principal user,
            Model model) {
        List<String> problems = subjectProblems(form, binding);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        if (problems.isEmpty()) {
            List<String> keys = form.identifiers().keys(pseudonymiser);
            views.record(ConsoleChannel.ID, user.getName(), "subject-access", keys, Map.of("format", "page"));
            model.addAttribute("report", subjectAccess.about(keys));
        }
        return "console/audit/subject-access";
    }

    /** The same report as CSV, one row per entry. */
    @PostMapping("/subject-access.csv")
    ResponseEntity<String> subjectAccessCsv(@ModelAttribute("form") PersonForm form, BindingResult binding,
            Principal user) {
        List<String> problems = subjectProblems(form, binding);
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(String.join("\n", problems));
        }
        List<String> keys = form.identifiers().keys(pseudonymiser);
        views.record(ConsoleChannel.ID, user.getName(), "subject-access", keys, Map.of("format", "csv"));
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"subject-access.csv\"")
                .body(SubjectAccessReport.csv(subjectAccess.about(keys)));
    }

    @GetMapping("/verification")
    String verification(Model model) {
        model.addAttribute("verification", verifier.verify());
        return "console/audit/verification";
    }

    @GetMapping("/statistics")
    String statistics(@RequestParam(required = false) String month, Model model) {
        YearMonth shown = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        if (month != null && !month.isBlank()) {
            try {
                shown = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("problem", "Month: not understood (yyyy-mm)");
            }
        }
        model.addAttribute("month", shown);
        model.addAttribute("statistics", statistics.of(shown));
        return "console/audit/statistics";
    }

    private static List<String> subjectProblems(PersonForm form, BindingResult binding) {
        List<String> problems = problems(form, binding);
        if (problems.isEmpty() && form.isEmpty()) {
            problems.add("Give an NHS number, a UPN, or family name, given name and date of birth");
        }
        return problems;
    }

    /** Fields that could not be read (a date that is not one), then what is wrong with the values. */
    private static List<String> problems(PersonForm form, BindingResult binding) {
        List<String> problems = new ArrayList<>();
        binding.getFieldErrors().forEach(error -> problems.add(FIELD_NAMES.getOrDefault(error.getField(),
                error.getField()) + ": not understood (dates are yyyy-mm-dd)"));
        if (problems.isEmpty()) {
            problems.addAll(form.problems());
        }
        return problems;
    }

    private static final Map<String, String> FIELD_NAMES = Map.of("dateOfBirth", "Date of birth", "from", "From",
            "to", "To", "page", "Page");

    private static Map<String, Object> filtersOf(AuditSearchForm form) {
        Map<String, Object> filters = new LinkedHashMap<>();
        putIfSet(filters, "agency", form.getAgency());
        putIfSet(filters, "decision", form.getDecision());
        putIfSet(filters, "flagType", form.getFlagType());
        putIfSet(filters, "agreement", form.getAgreement());
        putIfSet(filters, "locality", form.getLocality());
        putIfSet(filters, "from", form.getFrom());
        putIfSet(filters, "to", form.getTo());
        filters.put("page", form.getPage());
        return filters;
    }

    private static void putIfSet(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value.toString());
        }
    }
}
