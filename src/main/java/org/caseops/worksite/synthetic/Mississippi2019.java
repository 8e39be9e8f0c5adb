package org.caseops.worksite.synthetic;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;

/**
 * The synthetic Mississippi scenario (issue 17): a worksite action on 7 August 2019 at seven poultry plants in the New
 * Orleans area of responsibility, about 680 workers detained, each screened on humanitarian grounds, about 300
 * released. Synthetic people only: names from Datafaker, no A-numbers (workers without a removal case, processed under
 * other authority), EINs with the never-issued prefix 00. The same seed gives the same scenario.
 *
 * <p>Shares, chosen to match what was reported of the day: about one worker in eight is the sole caregiver of
 * children; about 16 couples are detained together with their children at home or at school; a few are pregnant or
 * nursing, need medical care, are minors, or claim U.S. citizenship; and about a quarter of the rest are released on
 * other grounds (a Notice to Appear and release on recognizance) so that about 300 go home in all.
 */
public final class Mississippi2019 {

    public static final LocalDate DAY = LocalDate.of(2019, 8, 7);
    public static final int PLANTS = 7;

    public record Plant(String employerName, String ein, String siteName, String address, String city, int workers,
            int detained) {
    }

    /** A child a worker names: by its index in {@link Scenario#children()}. */
    public record ChildSpec(String name, int age, String location) {
    }

    public record Worker(int plant, String givenName, String familyName, YearMonth birthMonth, String nationality,
            String interpreterLanguage, boolean minor, boolean soleCaregiver, boolean pregnantOrNursing,
            String medicalNeeds, boolean citizenshipClaim, List<Integer> children, boolean releaseOnOtherGrounds,
            String charge) {
    }

    public record Scenario(List<Plant> plants, List<Worker> workers, List<ChildSpec> children) {
        public int detained() {
            return workers.size();
        }
    }

    private static final String[] TOWNS = {"Morton", "Canton", "Carthage", "Pelahatchie", "Sebastopol", "Bay Springs",
        "Forest"};
    private static final int[] DETAINED = {98, 89, 104, 92, 103, 95, 99};

    private Mississippi2019() {
    }

    public static Scenario generate(long seed) {
        Random random = new Random(seed);
        Faker faker = new Faker(new Locale("es", "MX"), new Random(seed));
        Faker company = new Faker(Locale.US, new Random(seed + 1));
        List<Plant> plants = new ArrayList<>();
        Set<String> eins = new HashSet<>();
        for (int i = 0; i < PLANTS; i++) {
            String ein;
            do {
                ein = String.format("00-%07d", random.nextInt(10_000_000));
            } while (!eins.add(ein));
            String name = company.company().name().replaceAll("[\\t\\r\\n]", " ").trim() + " Poultry (synthetic)";
            plants.add(new Plant(name, ein, "poultry processing plant, " + TOWNS[i],
                    company.address().streetAddress(), TOWNS[i], DETAINED[i] * 3 + random.nextInt(200), DETAINED[i]));
        }
        List<Worker> workers = new ArrayList<>();
        List<ChildSpec> children = new ArrayList<>();
        for (int p = 0; p < PLANTS; p++) {
            int couplesHere = p == 0 ? 4 : 2; // 16 couples in all
            int detained = DETAINED[p];
            int index = 0;
            while (index < detained) {
                if (couplesHere > 0 && detained - index >= 2) {
                    couplesHere--;
                    List<Integer> shared = children(random, faker, children, 1 + random.nextInt(3));
                    String family = faker.name().lastName();
                    workers.add(worker(random, faker, p, family, false, shared, false));
                    workers.add(worker(random, faker, p, family, false, shared, false));
                    index += 2;
                    continue;
                }
                double roll = random.nextDouble();
                boolean sole = roll < 0.125;
                List<Integer> kids = sole ? children(random, faker, children, 1 + random.nextInt(3)) : List.of();
                workers.add(worker(random, faker, p, faker.name().lastName(), sole, kids, true));
                index++;
            }
        }
        return new Scenario(List.copyOf(plants), List.copyOf(workers), List.copyOf(children));
    }

    private static List<Integer> children(Random random, Faker faker, List<ChildSpec> all, int count) {
        List<Integer> indexes = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int age = random.nextInt(17);
            String location = age < 4 ? (random.nextBoolean() ? "CHILDCARE" : "HOME")
                    : age < 6 ? "CHILDCARE" : random.nextDouble() < 0.85 ? "SCHOOL" : "WITH_RELATIVE";
            all.add(new ChildSpec(faker.name().firstName(), age, location));
            indexes.add(all.size() - 1);
        }
        return List.copyOf(indexes);
    }

    private static Worker worker(Random random, Faker faker, int plant, String family, boolean sole,
            List<Integer> children, boolean mayBeOther) {
        double r = random.nextDouble();
        boolean minor = mayBeOther && r < 0.01;
        int age = minor ? 15 + random.nextInt(3) : 19 + random.nextInt(40);
        YearMonth birth = YearMonth.from(DAY.minusYears(age).minusMonths(1 + random.nextInt(10)));
        double nat = random.nextDouble();
        String nationality = nat < 0.78 ? "GT" : nat < 0.93 ? "MX" : nat < 0.97 ? "HN" : "SV";
        // many Guatemalan workers speak a Mayan language first (Q'anjob'al, Chuj, K'iche', Mam)
        String language = "GT".equals(nationality) && random.nextDouble() < 0.35
                ? List.of("Q'anjob'al", "Chuj", "K'iche'", "Mam").get(random.nextInt(4)) : "Spanish";
        boolean pregnant = !minor && random.nextDouble() < 0.03;
        String medical = random.nextDouble() < 0.05
                ? List.of("diabetes, needs insulin", "asthma", "recent surgery", "high blood pressure")
                        .get(random.nextInt(4)) : null;
        boolean claim = mayBeOther && !minor && random.nextDouble() < 0.005;
        boolean other = mayBeOther && !minor && random.nextDouble() < 0.30;
        String charge = !minor && random.nextDouble() < 0.04
                ? "18 U.S.C. 1546 (fraud and misuse of documents), referred to the U.S. Attorney" : null;
        return new Worker(plant, faker.name().firstName(), family, birth, nationality, language, minor, sole,
                pregnant, medical, claim, children, other, charge);
    }
}
