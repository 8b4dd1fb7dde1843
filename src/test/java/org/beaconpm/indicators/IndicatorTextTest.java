package org.beaconpm.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashMap;
import java.util.Map;
import org.beaconpm.platform.FormError;
import org.junit.jupiter.api.Test;

class IndicatorTextTest {

    private static final Map<String, String> VALID = Map.of(
            "code", "HR-09",
            "title", "Working days lost to sickness",
            "unit", "days",
            "decimals", "1",
            "polarity", "lower",
            "frequency", "quarterly",
            "aggregation", "sum");

    @Test
    void readsAValidDefinition() {
        IndicatorText.Parsed parsed = IndicatorText.parse(VALID::get);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.definition().code()).isEqualTo("HR-09");
    }

    @Test
    void namesTheToleranceThatIsNegative() {
        assertThat(problems(with("tolerance_absolute", "-0.5")))
                .extracting(FormError::field, FormError::message)
                .containsExactly(tuple("tolerance_absolute", "a tolerance cannot be negative"));
        assertThat(problems(with("tolerance_percent", "-5")))
                .extracting(FormError::field)
                .containsExactly("tolerance_percent");
    }

    @Test
    void listsEveryProblemOfTheDefinition() {
        Map<String, String> fields = with("decimals", "many");
        fields.put("polarity", "");
        fields.put("frequency", "fortnightly");
        fields.put("published", "perhaps");

        assertThat(problems(fields))
                .extracting(FormError::field, FormError::message)
                .containsExactly(
                        tuple("decimals", "decimals must be a whole number from 0 to 6, not \"many\""),
                        tuple("polarity", "enter the polarity: higher, lower, range or none"),
                        tuple("frequency", "frequency \"fortnightly\" is not one of monthly, quarterly, annual"),
                        tuple("published", "published must be yes or no, not \"perhaps\""));
    }

    private static Map<String, String> with(String field, String value) {
        Map<String, String> fields = new HashMap<>(VALID);
        fields.put(field, value);
        return fields;
    }

    private static java.util.List<FormError> problems(Map<String, String> fields) {
        return IndicatorText.parse(fields::get).problems();
    }
}
