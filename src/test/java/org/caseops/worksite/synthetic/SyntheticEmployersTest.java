package org.caseops.worksite.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator's employers: synthetic by construction, the same for the same seed. */
class SyntheticEmployersTest {

    private static final List<SyntheticEmployers.Place> PLACES = List.of(
            new SyntheticEmployers.Place("HOU", "Houston", "TX"), new SyntheticEmployers.Place("NOL", "New Orleans",
                    "LA"));

    @Test
    void every_employer_is_marked_synthetic_with_an_ein_the_irs_never_issues() {
        List<SyntheticEmployers.Employer> employers = SyntheticEmployers.generate(7, 200, PLACES);
        assertThat(employers).hasSize(200);
        assertThat(employers).allSatisfy(e -> {
            assertThat(e.name()).endsWith("(synthetic)");
            assertThat(e.ein()).matches("00-[0-9]{7}");
            assertThat(e.industry().naics()).matches("[0-9]{6}");
            assertThat(e.sites()).isNotEmpty().allSatisfy(s -> assertThat(PLACES.stream()
                    .map(SyntheticEmployers.Place::fieldOffice)).contains(s.fieldOffice()));
        });
        assertThat(employers.stream().map(SyntheticEmployers.Employer::ein).distinct()).hasSize(200);
        assertThat(employers.stream().map(SyntheticEmployers.Employer::name).distinct()).hasSize(200);
    }

    @Test
    void the_same_seed_gives_the_same_employers() {
        assertThat(SyntheticEmployers.generate(2019, 6, PLACES)).isEqualTo(SyntheticEmployers.generate(2019, 6,
                PLACES));
        assertThat(SyntheticEmployers.generate(2019, 6, PLACES)).isNotEqualTo(SyntheticEmployers.generate(2020, 6,
                PLACES));
    }
}
