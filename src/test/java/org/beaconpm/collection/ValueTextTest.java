package org.beaconpm.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.RuleBroken;

class ValueTextTest {

    @Example
    void readsNumbersAsPeopleWriteThem() {
        assertThat(ValueText.number("value", "1234.5")).isEqualByComparingTo("1234.5");
        assertThat(ValueText.number("value", " 1,234.5 ")).isEqualByComparingTo("1234.5");
        assertThat(ValueText.number("value", "1,234,567")).isEqualByComparingTo("1234567");
        assertThat(ValueText.number("value", "45%")).isEqualByComparingTo("45");
        assertThat(ValueText.number("value", "45.2 %")).isEqualByComparingTo("45.2");
        assertThat(ValueText.number("value", "£1,250.00")).isEqualByComparingTo("1250");
        assertThat(ValueText.number("value", "-£12.5")).isEqualByComparingTo("-12.5");
        assertThat(ValueText.number("value", "£-12.5")).isEqualByComparingTo("-12.5");
        assertThat(ValueText.number("value", "+7")).isEqualByComparingTo("7");
        assertThat(ValueText.number("value", ".5")).isEqualByComparingTo("0.5");
        assertThat(ValueText.number("value", "\u00A0980\u00A0")).isEqualByComparingTo("980");
        assertThat(ValueText.number("value", "0.10").scale())
                .as("decimals as written")
                .isEqualTo(2);
    }

    @Example
    void blankIsNoNumber() {
        assertThat(ValueText.number("value", null)).isNull();
        assertThat(ValueText.number("value", "")).isNull();
        assertThat(ValueText.number("value", "   ")).isNull();
    }

    @Example
    void refusesWhatIsNotANumberSayingHowToWriteOne() {
        for (String text : List.of(
                "12,3,4",
                "1234,567",
                "1,23",
                ",123",
                "1,234,",
                "1.2.3",
                "1e5",
                "twelve",
                "-",
                "£",
                "%",
                "£5%",
                "--5",
                "5-",
                "1 234",
                "0x1F",
                "NaN",
                "12..5")) {
            assertThatThrownBy(() -> ValueText.number("value", text))
                    .as(text)
                    .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                        assertThat(broken.field()).isEqualTo("value");
                        assertThat(broken.getMessage())
                                .isEqualTo("\"" + text.strip() + "\" is not a number; write it like 1234.5");
                    });
        }
    }

    @Example
    void addsTheProblemToTheListWithTheSameMessageInsteadOfThrowing() {
        List<FormError> problems = new ArrayList<>();

        assertThat(ValueText.number("numerator", " 12,3,4 ", problems)).isNull();
        assertThat(ValueText.number("denominator", "40", problems)).isEqualByComparingTo("40");

        assertThat(problems)
                .containsExactly(new FormError("numerator", "\"12,3,4\" is not a number; write it like 1234.5"));
    }

    @Property
    void readsEveryNumberBackAsItsPlainText(
            @ForAll @BigRange(min = "-1000000000000", max = "1000000000000") @Scale(6) BigDecimal number) {
        assertThat(ValueText.number("value", number.toPlainString())).isEqualTo(number);
    }

    @Property
    void readsEveryNumberBackWithThousandsSeparatorsAndSigns(
            @ForAll @BigRange(min = "-1000000000000", max = "1000000000000") @Scale(6) BigDecimal number) {
        DecimalFormat grouped = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.UK));
        grouped.setParseBigDecimal(true);
        String text = grouped.format(number);

        assertThat(ValueText.number("value", text)).isEqualByComparingTo(number);
        assertThat(ValueText.number("value", "  " + text + "%")).isEqualByComparingTo(number);
        String money = number.signum() < 0 ? "-£" + text.substring(1) : "£" + text;
        assertThat(ValueText.number("value", money)).isEqualByComparingTo(number);
    }

    @Property
    void neverAcceptsTextThatBigDecimalItselfRefuses(@ForAll String text) {
        String plain = text.replace('\u00A0', ' ')
                .strip()
                .replace(",", "")
                .replace("%", "")
                .replace("£", "");
        boolean bigDecimalReads;
        try {
            new BigDecimal(plain);
            bigDecimalReads = true;
        } catch (NumberFormatException e) {
            bigDecimalReads = false;
        }
        List<FormError> problems = new ArrayList<>();
        BigDecimal read = ValueText.number("value", text, problems);
        if (!bigDecimalReads && !text.isBlank()) {
            assertThat(read).isNull();
            assertThat(problems).hasSize(1);
        }
    }
}
