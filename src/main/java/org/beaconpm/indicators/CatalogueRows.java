package org.beaconpm.indicators;

import java.util.List;
import java.util.Optional;
import org.beaconpm.indicators.NationalIndicators.NationalIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The national_indicator table: the catalogue of national indicators. */
@Repository
class CatalogueRows {

    private final JdbcClient jdbc;

    CatalogueRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from national_indicator)")
                .query(Boolean.class)
                .single();
    }

    List<NationalIndicator> all() {
        return jdbc.sql("select code, title, polarity, source_url from national_indicator")
                .query((row, n) -> new NationalIndicator(
                        row.getString("code"),
                        row.getString("title"),
                        Optional.ofNullable(row.getString("polarity")).map(Codes::polarityFromColumn),
                        row.getString("source_url")))
                .list();
    }

    /** Adds the entry, or updates the one with its code; a missing source address keeps the one it had. */
    void save(String code, String title, String polarityColumn, String sourceUrl) {
        jdbc.sql(
                        """
                        insert into national_indicator (code, title, polarity, source_url)
                        values (:code, :title, :polarity, :url)
                        on conflict (code) do update set title = excluded.title, polarity = excluded.polarity,
                            source_url = coalesce(excluded.source_url, national_indicator.source_url)
                        """)
                .param("code", code)
                .param("title", title)
                .param("polarity", polarityColumn)
                .param("url", sourceUrl)
                .update();
    }
}
