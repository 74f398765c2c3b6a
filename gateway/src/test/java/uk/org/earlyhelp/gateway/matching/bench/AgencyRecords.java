package uk.org.earlyhelp.gateway.matching.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import uk.org.earlyhelp.gateway.matching.bench.SyntheticPopulation.Family;
import uk.org.earlyhelp.gateway.matching.bench.SyntheticPopulation.Household;
import uk.org.earlyhelp.gateway.matching.bench.SyntheticPopulation.Person;
import uk.org.earlyhelp.routes.model.Address;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * Flags as agencies would send them about the population, each subject with its truth (person and family)
 * and the corruptions applied. Deterministic from the seed. Which identifiers each agency holds: schools
 * the UPN (rarely the NHS number), health the NHS number, police almost never either, adult services
 * often the NHS number.
 */
final class AgencyRecords {

    enum Agency { SCHOOL, HEALTH, POLICE, ADULT_SERVICES }

    /** One person as one record names them. */
    record SubjectRecord(int truePersonId, int trueFamilyId, Subject subject, Set<Corruption> corruptions) {
    }

    /** One flag: the people an agency names together. */
    record AgencyRecord(int id, Agency agency, List<SubjectRecord> subjects) {
    }

    private final SplittableRandom random;
    private final double scale;

    private AgencyRecords(long seed, Corruption.Level level) {
        this.random = new SplittableRandom(seed);
        this.scale = level.scale;
    }

    /** On average {@code recordsPerFamily} flags per family, in a shuffled arrival order. */
    static List<AgencyRecord> generate(SyntheticPopulation population, double recordsPerFamily, Corruption.Level level,
            long seed) {
        return new AgencyRecords(seed, level).generate(population, recordsPerFamily);
    }

    private List<AgencyRecord> generate(SyntheticPopulation population, double recordsPerFamily) {
        List<Family> events = new ArrayList<>();
        for (Family family : population.families()) {
            int n = 0;
            double p = recordsPerFamily / (1 + recordsPerFamily); // geometric, mean recordsPerFamily
            while (random.nextDouble() < p) {
                n++;
            }
            for (int i = 0; i < n; i++) {
                events.add(family);
            }
        }
        for (int i = events.size() - 1; i > 0; i--) { // Fisher-Yates, from the seed
            int j = random.nextInt(i + 1);
            Family swap = events.get(i);
            events.set(i, events.get(j));
            events.set(j, swap);
        }
        List<AgencyRecord> records = new ArrayList<>(events.size());
        for (Family family : events) {
            AgencyRecord record = record(records.size(), family);
            if (!record.subjects().isEmpty()) {
                records.add(record);
            }
        }
        return records;
    }

    private AgencyRecord record(int id, Family family) {
        List<Person> children = family.members().stream().filter(Person::isChild).toList();
        List<Person> adults = family.members().stream().filter(person -> !person.isChild()).toList();
        List<Person> schoolAge = children.stream().filter(child -> child.upn() != null).toList();
        List<Person> named = new ArrayList<>();
        Agency agency;
        double kind = random.nextDouble();
        if (kind < 0.4 && !schoolAge.isEmpty()) {
            agency = Agency.SCHOOL;
            named.add(pick(schoolAge));
            if (random.nextDouble() < 0.5) {
                named.add(adults.get(0));
            }
        } else if (kind < 0.65 && !children.isEmpty()) {
            agency = Agency.HEALTH;
            named.add(adults.get(0));
            named.add(children.get(children.size() - 1)); // the youngest
        } else if (kind < 0.85) {
            agency = Agency.POLICE;
            named.addAll(children.isEmpty() ? List.of() : children.subList(0, 1 + random.nextInt(children.size())));
            named.addAll(adults.subList(0, 1 + random.nextInt(adults.size())));
        } else {
            agency = Agency.ADULT_SERVICES;
            named.add(pick(adults));
            if (!children.isEmpty() && random.nextDouble() < 0.5) {
                named.add(pick(children));
            }
        }
        Household address = random.nextDouble() < 0.08 * scale ? family.movedTo() : family.home();
        boolean moved = address == family.movedTo();
        List<SubjectRecord> subjects = new ArrayList<>();
        for (Person person : named) {
            subjects.add(subject(agency, person, address, moved));
        }
        return new AgencyRecord(id, agency, subjects);
    }

    private Person pick(List<Person> persons) {
        return persons.get(random.nextInt(persons.size()));
    }

    SubjectRecord subject(Agency agency, Person person, Household address, boolean moved) {
        Set<Corruption> applied = EnumSet.noneOf(Corruption.class);
        if (moved) {
            applied.add(Corruption.MOVED_ADDRESS);
        }
        String given = person.givenName();
        if (UkNames.NICKNAMES.containsKey(given) && chance(0.15)) {
            List<String> nicknames = UkNames.NICKNAMES.get(given);
            given = nicknames.get(random.nextInt(nicknames.size()));
            applied.add(Corruption.NICKNAME);
        }
        if (chance(0.04)) {
            given = typo(given);
            applied.add(Corruption.TYPO_GIVEN_NAME);
        }
        String family = person.familyName();
        if (person.alternativeFamilyName() != null && chance(0.25)) {
            family = person.alternativeFamilyName();
            applied.add(Corruption.OTHER_FAMILY_NAME);
        }
        if (chance(0.03)) {
            family = hyphenatedVariant(family);
            applied.add(Corruption.HYPHENATED_NAME_VARIANT);
        }
        if (chance(0.04)) {
            family = typo(family);
            applied.add(Corruption.TYPO_FAMILY_NAME);
        }
        LocalDate dob = person.dateOfBirth();
        if (dob.getDayOfMonth() <= 12 && dob.getDayOfMonth() != dob.getMonthValue() && chance(0.02)) {
            dob = LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
            applied.add(Corruption.DOB_DAY_MONTH_SWAPPED);
        } else if (chance(0.03)) {
            dob = componentOff(dob);
            applied.add(Corruption.DOB_COMPONENT_OFF);
        }
        String nhs = person.nhsNumber();
        double nhsHeld = switch (agency) {
            case HEALTH -> 0.95;
            case ADULT_SERVICES -> 0.7;
            case SCHOOL -> 0.1;
            case POLICE -> 0.03;
        };
        if (random.nextDouble() >= Math.pow(nhsHeld, scale)) {
            nhs = null;
            applied.add(Corruption.NHS_NUMBER_MISSING);
        }
        String upn = person.upn();
        double upnHeld = agency == Agency.SCHOOL ? 0.97 : agency == Agency.HEALTH ? 0.0 : 0.02;
        if (upn != null && random.nextDouble() >= Math.pow(upnHeld, scale)) {
            upn = null;
            applied.add(Corruption.UPN_MISSING);
        }
        String postcode = random.nextInt(4) == 0 ? address.postcode().toLowerCase(Locale.ROOT) : address.postcode();
        String uprn = agency == Agency.POLICE || random.nextDouble() < 0.3 ? null : address.uprn();
        Address recorded = new Address(address.line1(), null, address.town(), postcode, uprn);
        Subject subject = new Subject(person.isChild() ? Subject.ROLE_CHILD : "parent", null, nhs, upn, given, family,
                dob, person.sex(), recorded);
        return new SubjectRecord(person.id(), person.familyId(), subject, applied);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p * scale;
    }

    /** One insertion, deletion, substitution or transposition of adjacent letters. */
    String typo(String name) {
        String lower = "abcdefghijklmnopqrstuvwxyz";
        int at = 1 + random.nextInt(Math.max(1, name.length() - 1));
        char letter = lower.charAt(random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> name.substring(0, at) + letter + name.substring(at);
            case 1 -> name.length() > 2 ? name.substring(0, at) + name.substring(Math.min(name.length(), at + 1)) : name + letter;
            case 2 -> at < name.length() ? name.substring(0, at) + differentFrom(name.charAt(at)) + name.substring(at + 1)
                    : name + letter;
            default -> at + 1 < name.length() && name.charAt(at) != name.charAt(at + 1)
                    ? name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2)
                    : name.substring(0, at) + letter + name.substring(at);
        };
    }

    private char differentFrom(char c) {
        char replacement;
        do {
            replacement = (char) ('a' + random.nextInt(26));
        } while (replacement == Character.toLowerCase(c));
        return replacement;
    }

    /** A double-barrelled name recorded by one half, or a single name recorded with another added. */
    private String hyphenatedVariant(String family) {
        int hyphen = family.indexOf('-');
        if (hyphen > 0) {
            return random.nextBoolean() ? family.substring(0, hyphen) : family.substring(hyphen + 1);
        }
        return random.nextBoolean() ? family + "-" + UkNames.SURNAMES.draw(random) : UkNames.SURNAMES.draw(random) + "-" + family;
    }

    /** The day, the month or the year wrong by one. */
    private LocalDate componentOff(LocalDate dob) {
        int sign = random.nextBoolean() ? 1 : -1;
        return switch (random.nextInt(3)) {
            case 0 -> dob.getDayOfMonth() == 1 ? dob.plusDays(1) : dob.plusDays(sign);
            case 1 -> dob.plusMonths(sign);
            default -> dob.plusYears(sign);
        };
    }
}
