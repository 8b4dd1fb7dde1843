package org.beaconpm.benchmarking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Loads the published LGBF files (a copy of ../shared/data/lgbf in src/test/resources/lgbf, or the directory in the system property beacon.lgbf) through
 * the loader, and checks Beacon's rank of every council on every indicator, in Scotland and in its family group,
 * against the ranks LGBF published beside the values (ScotRank, FamilyRank). Two kinds of row are set aside, because
 * the file itself cannot reproduce them (docs/lgbf.md):
 *
 * <ul>
 *   <li>a council whose latest value is from an earlier year than the indicator's latest (22 rows): LGBF ranked it
 *       among that year's values of all councils, which this file does not hold;
 *   <li>CORP 11 and CORP 12 (64 rows): marked Goldilocks with a midpoint of 1 (100%), but published ranked highest
 *       first; the test shows that ranking them higher-is-better reproduces every published rank.
 * </ul>
 */
class LgbfRanksIT extends BeaconIT {

    private static final Path DATA = Path.of(System.getProperty("beacon.lgbf", "src/test/resources/lgbf"));
    private static final Set<String> RANKED_HIGHEST_FIRST = Set.of("CORP 11", "CORP 12");

    @Autowired
    Lgbf lgbf;

    @Autowired
    Benchmarks benchmarks;

    @Autowired
    OrganisationStructure structure;

    record Published(String code, String council, String period, BigDecimal value, int scotRank, int familyRank) {}

    @Test
    void ranksEveryCouncilAsLgbfPublished() throws IOException {
        UnitFixtures.council(structure, "LGBF");
        Lgbf.Summary first = load(false);
        assertThat(first.indicators().created()).isEqualTo(108);
        assertThat(first.values().created()).isEqualTo(3113);
        assertThat(first.midpoints()).isEqualTo(4);

        List<Published> published = published();
        Map<String, CsvTable.Row> info = new HashMap<>();
        read("Indicator Information.csv", Lgbf.INDICATOR_COLUMNS, Lgbf.INDICATOR_OTHER_COLUMNS)
                .rows()
                .forEach(row -> info.put(row.get("code_sortable"), row));
        Map<String, String> family = new HashMap<>();
        read("Family Groups.csv", Lgbf.FAMILY_COLUMNS, Set.of())
                .rows()
                .forEach(row -> family.put(
                        row.get("type") + "|" + row.get("local_authority"),
                        Lgbf.familyGroup(row.get("family_group"), row.get("type"))));
        Map<String, Period> latestOf = new HashMap<>();
        published.forEach(p ->
                latestOf.merge(p.code(), Period.parse(Lgbf.period(p.period())), (a, b) -> a.compareTo(b) >= 0 ? a : b));

        Map<String, Map<String, Integer>> ranks = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        int earlierYear = 0;
        int highestFirst = 0;
        for (Published p : published) {
            if (!Period.parse(Lgbf.period(p.period())).equals(latestOf.get(p.code()))) {
                earlierYear++;
                continue;
            }
            if (RANKED_HIGHEST_FIRST.contains(p.code())) {
                highestFirst++;
                continue;
            }
            String familyGroup = family.get(info.get(p.code()).get("familygrouping") + "|" + p.council());
            Integer scotland = rank(ranks, p, Lgbf.SCOTLAND);
            Integer inFamily = rank(ranks, p, familyGroup);
            compared++;
            if (scotland == null || scotland != p.scotRank() || inFamily == null || inFamily != p.familyRank()) {
                wrong.add(p + " ranked " + scotland + " in Scotland and " + inFamily + " in " + familyGroup);
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(compared).isEqualTo(3113 - 22 - 64);
        assertThat(earlierYear).isEqualTo(22);
        assertThat(highestFirst).isEqualTo(64);
    }

    @Test
    void ranksCorp11AndCorp12AsPublishedWhenRankedHighestFirst() throws IOException {
        for (String code : RANKED_HIGHEST_FIRST) {
            List<Published> rows =
                    published().stream().filter(p -> p.code().equals(code)).toList();
            List<Integer> ranks = Ranking.of(Polarity.HIGHER_IS_BETTER, null)
                    .orElseThrow()
                    .ranks(rows.stream().map(Published::value).toList());
            assertThat(ranks).isEqualTo(rows.stream().map(Published::scotRank).toList());
        }
    }

    @Test
    void readsMultiYearPeriodsAsTheirLastYear() {
        assertThat(Lgbf.period("2021-22")).isEqualTo("2021-22");
        assertThat(Lgbf.period("2018-21")).isEqualTo("2020-21");
        assertThat(Lgbf.period("2020-22")).isEqualTo("2021-22");
        assertThat(Lgbf.code("C&L 05a")).isEqualTo("CL 05a");
    }

    private Integer rank(Map<String, Map<String, Integer>> cache, Published p, String group) {
        Map<String, Integer> byCouncil = cache.computeIfAbsent(p.code() + "|" + p.period() + "|" + group, key -> {
            Benchmark benchmark =
                    benchmarks.benchmark(Lgbf.code(p.code()), Lgbf.period(p.period()), group, p.council());
            Map<String, Integer> ranks = new LinkedHashMap<>();
            benchmark.members().forEach(m -> ranks.put(m.organisation(), m.rank()));
            return ranks;
        });
        return byCouncil.get(p.council());
    }

    private Lgbf.Summary load(boolean dryRun) throws IOException {
        try (Reader info = reader("Indicator Information.csv");
                Reader latest = reader("latest_values_e558afd.csv");
                Reader families = reader("Family Groups.csv")) {
            return lgbf.load(info, latest, families, dryRun);
        }
    }

    private static List<Published> published() throws IOException {
        return read("latest_values_e558afd.csv", Lgbf.VALUE_COLUMNS, Lgbf.VALUE_OTHER_COLUMNS).rows().stream()
                .map(row -> new Published(
                        row.get("code"),
                        row.get("localauthority"),
                        row.get("period"),
                        new BigDecimal(row.get("real_value")),
                        (int) Double.parseDouble(row.get("scotrank")),
                        (int) Double.parseDouble(row.get("familyrank"))))
                .sorted(Comparator.comparing(Published::code).thenComparing(Published::council))
                .toList();
    }

    private static CsvTable read(String file, Set<String> required, Set<String> optional) throws IOException {
        try (Reader reader = reader(file)) {
            return CsvTable.read(reader, required, optional);
        }
    }

    private static Reader reader(String file) throws IOException {
        return Files.newBufferedReader(DATA.resolve(file), StandardCharsets.UTF_8);
    }
}
