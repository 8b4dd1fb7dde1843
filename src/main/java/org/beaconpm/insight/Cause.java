package org.beaconpm.insight;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A cause that narratives are tagged with (staffing, demand, …), and the words in a narrative that suggest it. */
public record Cause(long id, String code, String name, List<String> keywords, int version) {

    public Cause {
        keywords = List.copyOf(keywords);
    }

    /** Whether any of its words appears in the text, as a whole word or phrase, in any case. */
    public boolean suggestedBy(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.UK);
        return keywords.stream()
                .map(word -> word.strip().toLowerCase(Locale.UK))
                .filter(word -> !word.isEmpty())
                .anyMatch(word -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
                        .matcher(lower)
                        .find());
    }

    public String keywordText() {
        return String.join(", ", keywords);
    }
}
