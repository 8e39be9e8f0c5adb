package org.caseops.worksite.synthetic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;

/**
 * Synthetic employers for the demo and tests, never real ones: company names from Datafaker marked "(synthetic)",
 * EINs with the prefix 00 (which the IRS never assigns, so a generated EIN is never a real employer's), industries of
 * the kind worksite enforcement meets, and street addresses from Datafaker in the city of the field office given.
 * The same seed gives the same employers.
 */
public final class SyntheticEmployers {

    /** An industry: NAICS code and what it is. */
    public record Industry(String naics, String label) {
    }

    public static final List<Industry> INDUSTRIES = List.of(
            new Industry("311615", "poultry processing"),
            new Industry("311612", "meat processed from carcasses"),
            new Industry("236115", "residential construction"),
            new Industry("561720", "janitorial services"),
            new Industry("722511", "full-service restaurants"),
            new Industry("111219", "vegetable farming"),
            new Industry("321113", "sawmills"));

    /** Where a generated site is: its field office and city. */
    public record Place(String fieldOffice, String city, String state) {
    }

    public record Site(String name, String address, String city, String state, String fieldOffice, int workers) {
    }

    public record Employer(String name, String ein, Industry industry, int employees, List<Site> sites) {
    }

    private SyntheticEmployers() {
    }

    /** {@code count} employers, each with one to three sites at the given places (chosen in turn). */
    public static List<Employer> generate(long seed, int count, List<Place> places) {
        if (places.isEmpty()) {
            throw new IllegalArgumentException("no places to put sites at");
        }
        Faker faker = new Faker(Locale.US, new Random(seed));
        Random random = new Random(seed);
        Set<String> eins = new HashSet<>();
        Set<String> names = new HashSet<>();
        List<Employer> employers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Industry industry = INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
            String name;
            do {
                name = faker.company().name().replaceAll("[\\t\\r\\n]", " ").trim() + " (synthetic)";
            } while (!names.add(name));
            String ein;
            do {
                ein = String.format("00-%07d", random.nextInt(10_000_000));
            } while (!eins.add(ein));
            int employees = 10 + random.nextInt(990);
            int siteCount = 1 + random.nextInt(3);
            List<Site> sites = new ArrayList<>();
            for (int s = 0; s < siteCount; s++) {
                Place place = places.get((i + s) % places.size());
                int workers = Math.max(1, employees / siteCount);
                sites.add(new Site(industry.label() + " plant " + (s + 1), faker.address().streetAddress(),
                        place.city(), place.state(), place.fieldOffice(), workers));
            }
            employers.add(new Employer(name, ein, industry, employees, List.copyOf(sites)));
        }
        return List.copyOf(employers);
    }
}
