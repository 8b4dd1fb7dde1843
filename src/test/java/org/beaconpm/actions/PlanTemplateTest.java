package org.beaconpm.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import org.beaconpm.platform.CsvTable;
import org.junit.jupiter.api.Test;

class PlanTemplateTest {

    private static PlanTemplate.Read read(String csv) {
        return PlanTemplate.read(CsvTable.read(new StringReader(csv), PlanTemplate.REQUIRED, PlanTemplate.OPTIONAL));
    }

    @Test
    void readsRecommendationsWithTheirActionsKeepingEveryLineOfText() {
        PlanTemplate.Read read = read(
                """
                heading,recommendation_number,recommendation,response,action_letter,action,timescale,due_date,leads,status,percent_complete,progress
                Data quality,R1,"Improve data.

                  Second paragraph, indented.",Agreed,a,Write a policy,by end March 2007,,"JJ, TG",in progress,40,"Draft done.
                Consulting."
                ,R1,,,b,Train staff,Ongoing,30/06/2007,Head of HR,,,
                """);

        assertThat(read.errors()).isEmpty();
        PlanTemplate.SheetRecommendation r1 = read.sheet().recommendations().get(0);
        assertThat(r1.heading()).isEqualTo("Data quality");
        assertThat(r1.text()).isEqualTo("Improve data.\n\n  Second paragraph, indented.");
        assertThat(r1.actions()).hasSize(2);
        PlanTemplate.SheetAction a = r1.actions().get(0);
        assertThat(a.dueDate()).isEqualTo(LocalDate.of(2007, 3, 31));
        assertThat(a.dueDateGiven()).isFalse();
        assertThat(a.leads()).containsExactly("JJ", "TG");
        assertThat(a.status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(a.percentComplete()).isEqualTo(40);
        assertThat(a.progress()).isEqualTo("Draft done.\nConsulting.");
        PlanTemplate.SheetAction b = r1.actions().get(1);
        assertThat(b.timescale()).isEqualTo("Ongoing");
        assertThat(b.dueDate()).isEqualTo(LocalDate.of(2007, 6, 30));
        assertThat(b.dueDateGiven()).isTrue();
        assertThat(b.status()).isNull();
        assertThat(b.percentComplete()).isNull();
    }

    @Test
    void listsEveryErrorWithItsRowColumnAndReason() {
        PlanTemplate.Read read = read(
                """
                recommendation_number,recommendation,action_letter,action,due_date,status,percent_complete
                1,Do this,a,First,31/13/2007,nearly,140
                1,Do that,a,,,,
                ,,,Third,,,
                """);

        assertThat(read.errors())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder(
                        "Row 2, due_date: \"31/13/2007\" is not a date; write 31/03/2007 or 31 March 2007",
                        "Row 2, status: \"nearly\" is not a status; write not started, in progress, completed,"
                                + " delayed, cancelled or superseded",
                        "Row 2, percent_complete: \"140\" is not a whole number from 0 to 100",
                        "Row 3, action: every row needs the action: what will be done",
                        "Row 3, recommendation: differs from the recommendation of recommendation 1 given on row 2;"
                                + " leave it empty or repeat it exactly",
                        "Row 3, action_letter: recommendation 1 already has an action a on row 2; give each action"
                                + " of a recommendation its own letter",
                        "Row 4, recommendation_number: every row needs the number of its recommendation, as"
                                + " written (5, R3 or 2.1)");
    }

    @Test
    void refusesAHeaderWithoutTheRequiredColumns() {
        assertThat(read("recommendation,action\nx,y\n").errors())
                .extracting(Object::toString)
                .contains("Row 1, recommendation_number: the header has no column recommendation_number");
    }
}
