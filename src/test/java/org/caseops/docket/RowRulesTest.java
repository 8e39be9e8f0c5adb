package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The person rules check A-numbers and ZIP codes without regular expressions (ADR 007 step 6: they run on 3 M rows of a
 * national import); each check gives what the pattern it replaced gave, on the forms people write and on random text.
 */
class RowRulesTest {

    private static final Pattern A_PREFIX = Pattern.compile("^[Aa]-?");
    private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9}");
    private static final Pattern ZIP = Pattern.compile("[0-9]{5}(-?[0-9]{4})?");

    private static String aNumberByPattern(String aNumber) {
        String digits = A_PREFIX.matcher(aNumber).replaceFirst("").replace("-", "");
        return NINE_DIGITS.matcher(digits).matches() ? digits : null;
    }

    private static final String[] WRITTEN = {"A991000001", "a991000001", "A-991-000-001", "A-991000001", "991000001",
        "991-00-0001", "A--991000001", "AA991000001", "-A991000001", "A99100000", "A9910000011", "A99100000x",
        "B991000001", "A 991000001", "A", "a-", "-", "A-99-10-00-00-1", "９９１０００００１", "A991000001-"};

    private static final String[] ZIPS = {"77002", "77002-1234", "770021234", "7700", "77002-123", "77002 1234",
        "77002--1234", "770021", "7700a", "77002-12345", "-77002", "７７００２", "12345-6789"};

    @Test
    void an_a_number_is_read_as_its_pattern_read_it() {
        for (String written : WRITTEN) {
            assertThat(RowRules.aNumberDigits(written)).as(written).isEqualTo(aNumberByPattern(written));
        }
        Random random = new Random(12);
        String alphabet = "Aa-0123456789 x";
        for (int n = 0; n < 20_000; n++) {
            String s = random(random, alphabet, 1 + random.nextInt(14));
            assertThat(RowRules.aNumberDigits(s)).as(s).isEqualTo(aNumberByPattern(s));
        }
    }

    @Test
    void a_zip_code_is_checked_as_its_pattern_checked_it() {
        for (String zip : ZIPS) {
            assertThat(RowRules.zip(zip)).as(zip).isEqualTo(ZIP.matcher(zip).matches());
        }
        Random random = new Random(13);
        for (int n = 0; n < 20_000; n++) {
            String s = random(random, "0123456789- a", 1 + random.nextInt(12));
            assertThat(RowRules.zip(s)).as(s).isEqualTo(ZIP.matcher(s).matches());
        }
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // digits most of the time, so that valid values come up often
            s.append(random.nextInt(3) > 0 ? (char) ('0' + random.nextInt(10))
                    : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
