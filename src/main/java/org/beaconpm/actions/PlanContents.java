package org.beaconpm.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A whole plan: its recommendations in order, each with its actions; {@code mayEdit} for the reader. */
public record PlanContents(
        ActionPlan plan, String ownerUnitCode, String ownerUnitName, List<Part> recommendations, boolean mayEdit) {

    /** A recommendation and its actions. */
    public record Part(Recommendation recommendation, List<ActionItem> actions) {}

    /** A heading (possibly empty) and the recommendations under it, in the order the plan gives them. */
    public record Section(String heading, List<Part> recommendations) {}

    /** The recommendations grouped under their headings, each heading once, in order of first appearance. */
    public List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        for (Part part : recommendations) {
            String heading = part.recommendation().heading();
            if (sections.isEmpty()
                    || !sections.get(sections.size() - 1).heading().equals(heading)) {
                sections.add(new Section(heading, new ArrayList<>()));
            }
            sections.get(sections.size() - 1).recommendations().add(part);
        }
        return sections.stream()
                .map(s -> new Section(s.heading(), List.copyOf(s.recommendations())))
                .toList();
    }

    public List<ActionItem> actions() {
        return recommendations.stream().flatMap(r -> r.actions().stream()).toList();
    }

    /** How many actions have each RAG, in the order of {@link ActionRag}. */
    public Map<ActionRag, Long> ragCounts() {
        Map<ActionRag, Long> counts = new LinkedHashMap<>();
        for (ActionRag rag : ActionRag.values()) {
            counts.put(rag, actions().stream().filter(a -> a.rag() == rag).count());
        }
        return counts;
    }

    public long overdue() {
        return actions().stream().filter(ActionItem::overdue).count();
    }
}
