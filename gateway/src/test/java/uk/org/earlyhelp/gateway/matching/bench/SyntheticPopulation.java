package uk.org.earlyhelp.gateway.matching.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The ground truth: households at UK addresses and the people in them, deterministic from a seed.
 * Each person has a valid NHS number; school-age children (4 to 18 on {@link #REFERENCE_DATE}) have a UPN.
 */
final class SyntheticPopulation {

    /** Ages are worked out on this day, not today, so a seed always gives the same population. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);

    record Household(String line1, String town, String postcode, String uprn) {
    }

    enum Role { PARENT, CHILD, ADULT }

    record Person(int id, int familyId, Role role, String givenName, String familyName, String alternativeFamilyName,
            String sex, LocalDate dateOfBirth, String nhsNumber, String upn) {
        boolean isChild() {
            return role == Role.CHILD;
        }
    }

    /** A family at its address, and the address it moved to (agencies may hold either). */
    record Family(int id, Household home, Household movedTo, List<Person> members) {
    }

    private final List<Family> families;
    private final List<Person> persons;

    private SyntheticPopulation(List<Family> families) {
        this.families = List.copyOf(families);
        this.persons = families.stream().flatMap(family -> family.members().stream()).toList();
    }

    List<Family> families() {
        return families;
    }

    List<Person> persons() {
        return persons;
    }

    /** At least {@code targetPersons} people in whole families. */
    static SyntheticPopulation generate(long seed, int targetPersons) {
        return new Generator(new SplittableRandom(seed)).generate(targetPersons);
    }

    private static final class Generator {
        private final SplittableRandom random;
        private final Set<String> nhsNumbers = new HashSet<>();
        private final Set<String> upns = new HashSet<>();
        private final Set<String> uprns = new HashSet<>();
        private int nextPerson;

        Generator(SplittableRandom random) {
            this.random = random;
        }

        SyntheticPopulation generate(int targetPersons) {
            List<Family> families = new ArrayList<>();
            while (nextPerson < targetPersons) {
                int familyId = families.size();
                families.add(new Family(familyId, household(), household(), members(familyId)));
            }
            return new SyntheticPopulation(families);
        }

        private List<Person> members(int familyId) {
            List<Person> members = new ArrayList<>();
            String surname = UkNames.SURNAMES.draw(random);
            double kind = random.nextDouble();
            if (kind < 0.12) { // adults only: a single adult or a couple, from 19 to 85
                members.add(adult(familyId, Role.ADULT, random.nextBoolean() ? "F" : "M", surname, 19 + random.nextInt(67)));
                if (random.nextDouble() < 0.5) {
                    members.add(adult(familyId, Role.ADULT, "M".equals(members.get(0).sex()) ? "F" : "M", surname,
                            Math.max(19, ageOf(members.get(0)) - 5 + random.nextInt(11))));
                }
                return members;
            }
            int motherAge = 18 + random.nextInt(23) + random.nextInt(8); // at the first child's birth: 18 to 47
            int eldest = random.nextInt(18);
            int children = 1 + (random.nextDouble() < 0.55 ? 1 : 0) + (random.nextDouble() < 0.25 ? 1 : 0)
                    + (random.nextDouble() < 0.1 ? 1 : 0);
            boolean twoParents = random.nextDouble() < 0.6;
            String motherSurname = twoParents && random.nextDouble() < 0.25 ? UkNames.SURNAMES.draw(random) : surname;
            members.add(adult(familyId, Role.PARENT, "F", motherSurname, motherAge + eldest));
            if (twoParents) {
                members.add(adult(familyId, Role.PARENT, "M", surname, motherAge + eldest + random.nextInt(9) - 2));
            }
            String childSurname = motherSurname.equals(surname) || random.nextDouble() < 0.6 ? surname
                    : surname + "-" + motherSurname; // double-barrelled
            LocalDate born = REFERENCE_DATE.minusYears(eldest).minusDays(random.nextInt(365));
            for (int i = 0; i < children && !born.isAfter(REFERENCE_DATE); i++) {
                boolean twins = i > 0 && random.nextDouble() < 0.03;
                if (!twins && i > 0) {
                    born = born.plusDays(330 + random.nextInt(1500));
                }
                if (born.isAfter(REFERENCE_DATE)) {
                    break;
                }
                members.add(child(familyId, childSurname, born));
            }
            return members;
        }

        private static int ageOf(Person person) {
            return person.dateOfBirth().until(REFERENCE_DATE).getYears();
        }

        private Person adult(int familyId, Role role, String sex, String surname, int age) {
            LocalDate dob = REFERENCE_DATE.minusYears(age).minusDays(random.nextInt(365));
            // Some adults are known under another surname too (maiden name, a marriage or divorce).
            String other = random.nextDouble() < ("F".equals(sex) ? 0.2 : 0.03) ? UkNames.SURNAMES.draw(random) : null;
            return new Person(nextPerson++, familyId, role, given(sex), surname, other, sex, dob, nhsNumber(), null);
        }

        private Person child(int familyId, String surname, LocalDate dob) {
            String sex = random.nextBoolean() ? "F" : "M";
            int age = dob.until(REFERENCE_DATE).getYears();
            String upn = age >= 4 && age <= 18 ? upn(dob) : null;
            return new Person(nextPerson++, familyId, Role.CHILD, given(sex), surname, null, sex, dob, nhsNumber(), upn);
        }

        private String given(String sex) {
            return ("F".equals(sex) ? UkNames.GIRLS : UkNames.BOYS).draw(random);
        }

        private Household household() {
            String outward = UkNames.OUTWARD[random.nextInt(UkNames.OUTWARD.length)];
            String inward = random.nextInt(10) + "" + UkNames.INWARD_LETTERS.charAt(random.nextInt(20))
                    + UkNames.INWARD_LETTERS.charAt(random.nextInt(20));
            String line1 = (1 + random.nextInt(180)) + " " + UkNames.STREETS[random.nextInt(UkNames.STREETS.length)];
            String uprn;
            do {
                uprn = Long.toString(10_000_000_000L + random.nextLong(90_000_000_000L)); // 11 digits, as most are
            } while (!uprns.add(uprn));
            return new Household(line1, "Town " + outward, outward + " " + inward, uprn);
        }

        private String nhsNumber() {
            while (true) {
                StringBuilder digits = new StringBuilder("9");
                for (int i = 1; i < 9; i++) {
                    digits.append(random.nextInt(10));
                }
                int check = nhsCheckDigit(digits);
                if (check >= 0 && nhsNumbers.add(digits.append(check).toString())) {
                    return digits.toString();
                }
            }
        }

        private String upn(LocalDate dob) {
            while (true) {
                int la = 800 + random.nextInt(100);
                int establishment = 2000 + random.nextInt(8000);
                int year = (dob.getYear() + 4) % 100; // allocated on entry to school
                String body = String.format("%03d%04d%02d%03d", la, establishment, year, random.nextInt(1000));
                String upn = upnCheckLetter(body) + body;
                if (upns.add(upn)) {
                    return upn;
                }
            }
        }
    }

    /** Modulus 11 over the first nine digits with weights 10 down to 2; -1 when no check digit exists (10). */
    static int nhsCheckDigit(CharSequence nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }

    /** The check letter for the twelve characters after it (weights 2 to 13, modulo 23). */
    static char upnCheckLetter(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i + 2);
        }
        return "ABCDEFGHJKLMNPQRTUVWXYZ".charAt(sum % 23);
    }
}
