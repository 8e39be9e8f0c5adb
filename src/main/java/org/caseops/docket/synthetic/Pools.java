package org.caseops.docket.synthetic;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Names and street names drawn from Datafaker once, then combined per person with a seeded random: Datafaker per row
 * would be far too slow for a national docket, and these are never real people.
 */
final class Pools {

    private final String[] maleGiven;
    private final String[] femaleGiven;
    private final String[] family;
    private final String[] streets;

    Pools(long seed) {
        Faker spanish = new Faker(Locale.forLanguageTag("es-MX"), new Random(seed));
        Faker english = new Faker(Locale.US, new Random(seed + 1));
        maleGiven = draw(() -> spanish.name().maleFirstName(), 2000);
        femaleGiven = draw(() -> spanish.name().femaleFirstName(), 2000);
        family = draw(() -> spanish.name().lastName(), 3000);
        streets = draw(() -> english.address().streetName(), 3000);
    }

    private static String[] draw(Supplier<String> source, int attempts) {
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < attempts; i++) {
            String value = source.get().trim().replaceAll("[\\t\\r\\n]", " ");
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values.toArray(String[]::new);
    }

    String givenName(SplittableRandom random, char sex) {
        String[] pool = sex == 'F' ? femaleGiven : maleGiven;
        return pool[random.nextInt(pool.length)];
    }

    /** One or, as is common in Central America, two family names. */
    String familyName(SplittableRandom random) {
        String first = family[random.nextInt(family.length)];
        return random.nextInt(2) == 0 ? first : first + " " + family[random.nextInt(family.length)];
    }

    String addressLine(SplittableRandom random) {
        String line = (1 + random.nextInt(9899)) + " " + streets[random.nextInt(streets.length)];
        return random.nextInt(3) == 0 ? line + " APT " + (1 + random.nextInt(40)) : line;
    }

    /** A ZIP code in the area of a court: its first three digits and two random ones. */
    static String zipNear(SplittableRandom random, String courtZip) {
        String prefix = courtZip.length() >= 3 ? courtZip.substring(0, 3) : "000";
        int tail = random.nextInt(100);
        return tail < 10 ? prefix + "0" + tail : prefix + tail;
    }

    /**
     * Unique synthetic A-numbers: 9 digits starting with {@code 99} (no real A-number has that prefix), from a seeded
     * bijection of a counter over the 10,000,000 numbers available.
     */
    static final class AlienNumbers {
        private static final long SPACE = 10_000_000L;
        private final long multiplier;
        private final long offset;
        private long next;

        AlienNumbers(long seed) {
            SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
            long m = 1_000_003L + 2L * random.nextInt(1_000_000);
            while (m % 5 == 0) {
                m += 2;
            }
            multiplier = m;
            offset = random.nextLong(SPACE);
        }

        String next() {
            if (next >= SPACE) {
                throw new IllegalStateException("More than 10,000,000 synthetic A-numbers requested");
            }
            long n = (Math.floorMod(next++ * multiplier + offset, SPACE));
            return Long.toString(990_000_000L + n);
        }
    }
}
