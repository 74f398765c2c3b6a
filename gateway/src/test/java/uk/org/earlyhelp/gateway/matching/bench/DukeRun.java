package uk.org.earlyhelp.gateway.matching.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.priv.garshol.duke.ConfigurationImpl;
import no.priv.garshol.duke.Property;
import no.priv.garshol.duke.PropertyImpl;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordImpl;
import no.priv.garshol.duke.comparators.ExactComparator;
import no.priv.garshol.duke.comparators.JaroWinkler;
import no.priv.garshol.duke.comparators.Levenshtein;
import no.priv.garshol.duke.databases.LuceneDatabase;
import uk.org.earlyhelp.gateway.matching.Normalise;
import uk.org.earlyhelp.gateway.matching.bench.AgencyRecords.SubjectRecord;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * Duke (Lucene candidate search, Bayesian combination of per-property probabilities) deduplicating the
 * same subjects: every record indexed, then each looked up and compared with its candidates; pairs at or
 * above the threshold are linked and the links closed transitively into persons. Families are then
 * formed by the current family rules (same household, or named in one record) over Duke's persons.
 */
final class DukeRun {

    /** Per subject: the predicted person (a cluster number) and family; and the lookup times. */
    record Result(List<Integer> persons, List<Integer> families, long[] lookupNanos, double seconds) {
    }

    static final double THRESHOLD = Double.parseDouble(System.getProperty("bench.duke.threshold", "0.9"));

    private static ConfigurationImpl configuration() {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setThreshold(THRESHOLD);
        config.setMaybeThreshold(0.7);
        List<Property> properties = new ArrayList<>();
        properties.add(new PropertyImpl("ID"));
        // Duke maps a similarity under 0.5 to the low probability and anything above to at least 0.5, so
        // Levenshtein (different names fall under 0.5) suits given names better than Jaro-Winkler, and a
        // date of birth is compared exactly (as strings, any two dates are more than half alike).
        properties.add(lookup(new PropertyImpl("GIVEN", new Levenshtein(), 0.15, 0.85)));
        properties.add(lookup(new PropertyImpl("FAMILY", new JaroWinkler(), 0.15, 0.85)));
        properties.add(lookup(new PropertyImpl("DOB", new ExactComparator(), 0.15, 0.92)));
        properties.add(lookup(new PropertyImpl("POSTCODE", new ExactComparator(), 0.4, 0.7)));
        properties.add(lookup(new PropertyImpl("NHS", new ExactComparator(), 0.01, 0.99)));
        properties.add(lookup(new PropertyImpl("UPN", new ExactComparator(), 0.01, 0.99)));
        config.setProperties(properties);
        return config;
    }

    private static Property lookup(PropertyImpl property) {
        property.setLookupBehaviour(Property.Lookup.TRUE);
        return property;
    }

    static Record record(int id, Subject subject) {
        RecordImpl record = new RecordImpl();
        record.addValue("ID", Integer.toString(id));
        add(record, "GIVEN", Normalise.name(subject.givenName()));
        add(record, "FAMILY", Normalise.name(subject.familyName()));
        add(record, "DOB", subject.dateOfBirth() == null ? null : subject.dateOfBirth().toString());
        add(record, "POSTCODE", Normalise.postcode(subject.postcode()));
        add(record, "NHS", subject.nhsNumber());
        add(record, "UPN", subject.upn() == null ? null : subject.upn().toUpperCase());
        return record;
    }

    private static void add(RecordImpl record, String property, String value) {
        if (value != null && !value.isBlank()) {
            record.addValue(property, value);
        }
    }

    /** @param recordOf the record (flag) each subject came in, for the "named together" family rule */
    static Result run(List<SubjectRecord> subjects, int[] recordOf) {
        long start = System.nanoTime();
        ConfigurationImpl config = configuration();
        LuceneDatabase database = new LuceneDatabase();
        database.setMaxSearchHits(25);
        database.setConfiguration(config);
        config.setDatabase(database);
        Processor processor = new Processor(config, database);
        List<Record> records = new ArrayList<>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            Record record = record(i, subjects.get(i).subject());
            records.add(record);
            database.index(record);
        }
        database.commit();
        UnionFind persons = new UnionFind(subjects.size());
        long[] nanos = new long[subjects.size()];
        for (int i = 0; i < records.size(); i++) {
            Record record = records.get(i);
            long t0 = System.nanoTime();
            Collection<Record> candidates = database.findCandidateMatches(record);
            List<Integer> matches = new ArrayList<>();
            for (Record candidate : candidates) {
                int other = Integer.parseInt(candidate.getValue("ID"));
                if (other != i && processor.compare(record, candidate) >= THRESHOLD) {
                    matches.add(other);
                }
            }
            nanos[i] = System.nanoTime() - t0;
            for (int other : matches) {
                persons.union(i, other);
            }
        }
        processor.close();
        double seconds = (System.nanoTime() - start) / 1e9;

        List<Integer> personOf = new ArrayList<>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            personOf.add(persons.find(i));
        }
        List<Integer> familyOf = families(subjects, recordOf, persons);
        return new Result(personOf, familyOf, nanos, seconds);
    }

    /**
     * The current family rules over predicted persons: one family for a person's records, for the people
     * named in one record, and for the people at one household.
     */
    static List<Integer> families(List<SubjectRecord> subjects, int[] recordOf, UnionFind persons) {
        UnionFind families = new UnionFind(subjects.size());
        Map<String, Integer> firstAtHousehold = new HashMap<>();
        Map<Integer, Integer> firstInRecord = new HashMap<>();
        for (int i = 0; i < subjects.size(); i++) {
            families.union(i, persons.find(i));
            int first = i;
            families.union(i, firstInRecord.computeIfAbsent(recordOf[i], r -> first));
            Subject subject = subjects.get(i).subject();
            String household = subject.address() == null ? null : Normalise.householdKey(subject.address().uprn(),
                    subject.address().postcode(), subject.address().line1());
            if (household != null) {
                families.union(i, firstAtHousehold.computeIfAbsent(household, h -> first));
            }
        }
        List<Integer> familyOf = new ArrayList<>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            familyOf.add(families.find(i));
        }
        return familyOf;
    }
}
