package uk.org.earlyhelp.gateway.matching.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Modest, frequency-weighted UK name lists (weights are rough relative frequencies, after ONS baby-name
 * and surname counts), and the nickname pairs agencies actually record.
 */
final class UkNames {

    private UkNames() {
    }

    /** Names with cumulative weights, drawn by weight. */
    record Weighted(String[] names, int[] cumulative) {
        static Weighted of(Object... nameWeight) {
            String[] names = new String[nameWeight.length / 2];
            int[] cumulative = new int[names.length];
            int total = 0;
            for (int i = 0; i < names.length; i++) {
                names[i] = (String) nameWeight[2 * i];
                total += (Integer) nameWeight[2 * i + 1];
                cumulative[i] = total;
            }
            return new Weighted(names, cumulative);
        }

        String draw(SplittableRandom random) {
            int r = random.nextInt(cumulative[cumulative.length - 1]);
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > r) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return names[lo];
        }
    }

    static final Weighted SURNAMES = Weighted.of(
            "Smith", 546, "Jones", 422, "Williams", 293, "Taylor", 242, "Brown", 230, "Davies", 219, "Evans", 171,
            "Wilson", 153, "Thomas", 150, "Johnson", 144, "Roberts", 143, "Robinson", 122, "Thompson", 121,
            "Wright", 119, "Walker", 118, "White", 112, "Edwards", 110, "Hughes", 109, "Green", 106, "Hall", 104,
            "Lewis", 103, "Harris", 101, "Clarke", 100, "Patel", 98, "Jackson", 93, "Wood", 92, "Turner", 89,
            "Martin", 88, "Cooper", 87, "Hill", 86, "Ward", 85, "Morris", 84, "Moore", 83, "Clark", 82, "Lee", 81,
            "King", 80, "Baker", 79, "Harrison", 78, "Morgan", 77, "Allen", 76, "James", 75, "Scott", 74,
            "Phillips", 73, "Watson", 72, "Davis", 71, "Parker", 70, "Price", 69, "Bennett", 68, "Young", 67,
            "Griffiths", 66, "Mitchell", 65, "Kelly", 64, "Cook", 63, "Carter", 62, "Richardson", 61, "Bailey", 60,
            "Collins", 59, "Bell", 58, "Shaw", 57, "Murphy", 56, "Miller", 55, "Cox", 54, "Richards", 53,
            "Khan", 52, "Marshall", 51, "Anderson", 50, "Simpson", 49, "Ellis", 48, "Adams", 47, "Singh", 46,
            "Begum", 45, "Wilkinson", 44, "Foster", 43, "Chapman", 42, "Powell", 41, "Webb", 40, "Rogers", 39,
            "Gray", 38, "Mason", 37, "Ali", 36, "Hunt", 35, "Hussain", 34, "Campbell", 33, "Matthews", 32,
            "Owen", 31, "Palmer", 30, "Holmes", 29, "Mills", 28, "Barnes", 27, "Knight", 26, "Lloyd", 25,
            "Butler", 24, "Russell", 23, "Barker", 22, "Fisher", 21, "Stevens", 20, "Jenkins", 19, "O'Brien", 18,
            "Dixon", 17, "Fletcher", 16, "McDonald", 15, "Ahmed", 15, "Nowak", 12, "Kowalski", 10, "Okafor", 8,
            "Hart", 8, "Doherty", 8, "Whitehead", 7, "Ashworth", 6, "Fairbrother", 4);

    static final Weighted GIRLS = Weighted.of(
            "Olivia", 40, "Amelia", 38, "Isla", 30, "Ava", 29, "Mia", 25, "Ivy", 23, "Lily", 22, "Isabella", 21,
            "Rosie", 20, "Sophia", 20, "Grace", 19, "Freya", 19, "Evie", 18, "Poppy", 17, "Florence", 16,
            "Willow", 15, "Ella", 15, "Emily", 15, "Jessica", 14, "Sophie", 14, "Chloe", 14, "Charlotte", 14,
            "Elizabeth", 14, "Katherine", 10, "Margaret", 9, "Jennifer", 12, "Rebecca", 12, "Sarah", 16,
            "Laura", 13, "Emma", 14, "Hannah", 12, "Amy", 12, "Gemma", 10, "Kelly", 9, "Nicola", 9, "Lisa", 9,
            "Michelle", 8, "Samantha", 10, "Victoria", 10, "Rachel", 10, "Zara", 6, "Aisha", 6, "Maryam", 6,
            "Fatima", 5, "Susan", 6, "Patricia", 5, "Deborah", 5, "Alexandra", 6, "Abigail", 7);

    static final Weighted BOYS = Weighted.of(
            "Noah", 40, "Muhammad", 38, "Oliver", 36, "George", 35, "Leo", 33, "Arthur", 30, "Oscar", 26,
            "Harry", 25, "Theodore", 24, "Jack", 23, "Charlie", 22, "Freddie", 20, "Alfie", 19, "Thomas", 18,
            "James", 18, "William", 17, "Henry", 15, "Joshua", 14, "Daniel", 15, "Matthew", 14, "Christopher", 13,
            "Robert", 13, "Michael", 14, "David", 15, "Andrew", 12, "Richard", 11, "Paul", 11, "Mark", 11,
            "Steven", 10, "Jonathan", 9, "Benjamin", 10, "Samuel", 11, "Alexander", 10, "Edward", 8,
            "Anthony", 8, "Joseph", 10, "Liam", 9, "Ryan", 8, "Kieran", 6, "Dylan", 7, "Mohammed", 8, "Adam", 9);

    /** A formal name and the short forms records use for it. */
    static final Map<String, List<String>> NICKNAMES = Map.ofEntries(
            Map.entry("William", List.of("Bill", "Will", "Billy")), Map.entry("Elizabeth", List.of("Beth", "Liz", "Lizzie")),
            Map.entry("Margaret", List.of("Maggie", "Peggy")), Map.entry("Robert", List.of("Bob", "Rob", "Bobby")),
            Map.entry("Katherine", List.of("Kate", "Katie", "Kathy")), Map.entry("Thomas", List.of("Tom", "Tommy")),
            Map.entry("James", List.of("Jim", "Jamie")), Map.entry("Christopher", List.of("Chris")),
            Map.entry("Michael", List.of("Mike", "Mick")), Map.entry("Daniel", List.of("Dan", "Danny")),
            Map.entry("Matthew", List.of("Matt")), Map.entry("Richard", List.of("Rich", "Dick")),
            Map.entry("Jonathan", List.of("Jon", "Jonny")), Map.entry("Benjamin", List.of("Ben")),
            Map.entry("Samuel", List.of("Sam")), Map.entry("Alexander", List.of("Alex")),
            Map.entry("Edward", List.of("Ed", "Ted", "Eddie")), Map.entry("Anthony", List.of("Tony")),
            Map.entry("Joseph", List.of("Joe")), Map.entry("Andrew", List.of("Andy", "Drew")),
            Map.entry("Steven", List.of("Steve")), Map.entry("Theodore", List.of("Theo", "Ted")),
            Map.entry("Alfie", List.of("Alf")), Map.entry("Jennifer", List.of("Jen", "Jenny")),
            Map.entry("Rebecca", List.of("Becky", "Becca")), Map.entry("Samantha", List.of("Sam", "Sammy")),
            Map.entry("Victoria", List.of("Vicky", "Tori")), Map.entry("Alexandra", List.of("Alex", "Lexi")),
            Map.entry("Abigail", List.of("Abbie", "Abi")), Map.entry("Isabella", List.of("Bella", "Izzy")),
            Map.entry("Charlotte", List.of("Charlie", "Lottie")), Map.entry("Florence", List.of("Flo")),
            Map.entry("Susan", List.of("Sue", "Susie")), Map.entry("Patricia", List.of("Pat", "Trish")),
            Map.entry("Deborah", List.of("Debbie", "Deb")), Map.entry("Nicola", List.of("Nicky")),
            Map.entry("Emily", List.of("Em")), Map.entry("Jessica", List.of("Jess")),
            Map.entry("Henry", List.of("Harry")));

    /** Street names (with their kind) for first address lines. */
    static final String[] STREETS = {"Elm Road", "Church Street", "High Street", "Station Road", "Victoria Road",
        "Green Lane", "Manor Road", "Park Road", "Queens Road", "Grange Road", "New Road", "Kings Road",
        "Mill Lane", "School Lane", "The Crescent", "Windsor Close", "Chester Road", "Albert Street",
        "Beech Avenue", "Oak Drive", "Meadow View", "Castle Street", "Ash Grove", "Moor Lane", "Brook Street"};

    /**
     * Outward codes in each real format (A9, A99, AA9, AA99, A9A, AA9A) from the North West and beyond,
     * weighted towards one county so that postcodes and sectors collide as they do in a real council.
     */
    static final String[] OUTWARD = {"WA7", "WA7", "WA7", "WA8", "WA8", "WA8", "WA1", "WA2", "WA4", "WA5",
        "L24", "L25", "L26", "L35", "L36", "CH41", "CH42", "CH65", "M14", "M8", "M1", "B12", "LS6", "NE6",
        "E1W", "W1T", "SW1A", "EC1A", "N1C", "CW8", "CW9", "SK10"};

    /** Inward code letters: never C, I, K, M, O or V. */
    static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
}
