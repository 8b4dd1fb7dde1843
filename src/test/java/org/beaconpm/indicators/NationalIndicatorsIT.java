package org.beaconpm.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.indicators.NationalIndicators.NationalIndicator;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.support.BeaconIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalogue of national indicators: preloaded on first start, completed by import. */
class NationalIndicatorsIT extends BeaconIT {

    @Autowired
    NationalIndicators catalogue;

    /** A code like NI 912k that no shipped entry and no other run uses. */
    private static String unusedCode() {
        var random = ThreadLocalRandom.current();
        return "NI " + random.nextInt(900, 999) + (char) ('a' + random.nextInt(26));
    }

    @Test
    void preloadsTheShippedSetInNumberOrder() {
        assertThat(catalogue.find("ni 192")).map(NationalIndicator::code).contains("NI 192");
        assertThat(catalogue.all())
                .extracting(ni -> Integer.parseInt(ni.code().replaceAll("\\D", "")))
                .isSorted();
    }

    @Test
    void addsThenUpdatesAnEntryAndWritesNothingOnADryRun() {
        String code = unusedCode();

        ImportSummary dryRun = catalogue.importCatalogue(
                new StringReader("code,title,polarity\n" + code + ",Test indicator,higher\n"), true);
        assertThat(dryRun).isEqualTo(new ImportSummary(1, 1, 0, 0, true));
        assertThat(catalogue.find(code)).isEmpty();

        catalogue.importCatalogue(
                new StringReader("code,title,polarity,source_url\n" + code + ",Test indicator,higher,https://x.test\n"),
                false);
        ImportSummary again = catalogue.importCatalogue(
                new StringReader(
                        "code,title,polarity\n" + code + ",Test indicator,lower*\n" + code + ",Test indicator,lower\n"),
                false);

        assertThat(again).isEqualTo(new ImportSummary(2, 0, 1, 1, false));
        assertThat(catalogue.find(code))
                .contains(new NationalIndicator(
                        code, "Test indicator", Optional.of(Polarity.LOWER_IS_BETTER), "https://x.test"));
    }

    @Test
    void refusesAFileWithAnyBadRow() {
        String code = unusedCode();

        assertThatThrownBy(() -> catalogue.importCatalogue(
                        new StringReader("code,title,polarity\n" + code + ",Fine,higher\nXX 1,,sideways\n"), false))
                .isInstanceOf(ImportRefused.class);
        assertThat(catalogue.find(code)).isEmpty();
    }
}
