package org.beaconpm.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimescalesTest {

    @ParameterizedTest(name = "\"{0}\" is due {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "31 March 2007                      | 2007-03-31",
                "March 2007                         | 2007-03-31",
                "June 2007                          | 2007-06-30",
                "February 2008                      | 2008-02-29",
                "Q3 2007/08                         | 2007-12-31",
                "Q1 2007/08                         | 2007-06-30",
                "Q4 2007/08                         | 2008-03-31",
                "2007/08 Q2                         | 2007-09-30",
                "2007/08                            | 2008-03-31",
                "2007/2008                          | 2008-03-31",
                "31/03/2007                         | 2007-03-31",
                "1/4/08                             | 2008-04-01",
                "2007-03-31                         | 2007-03-31",
                "1 April 2008                       | 2008-04-01",
                "1st April 2008                     | 2008-04-01",
                "by 31 March 2007                   | 2007-03-31",
                "by end March 2007                  | 2007-03-31",
                "end June 2007                      | 2007-06-30",
                "before end June 2007               | 2007-06-30",
                "By end of Q3 2007/08               | 2007-12-31",
                "before end 2007/08                 | 2008-03-31",
                "by the end of March 2007           | 2007-03-31",
                "Sept 2007                          | 2007-09-30",
                "by 30 Sept. 2007                   | 2007-09-30",
                "Review in June 2007, then ongoing  | 2007-06-30",
                "April and then 31 May 2007         | 2007-05-31",
            })
    void readsTheDueDateFromATimescale(String timescale, LocalDate due) {
        assertThat(Timescales.dueDate(timescale)).contains(due);
    }

    @ParameterizedTest(name = "\"{0}\" names no date")
    @ValueSource(
            strings = {
                "Ongoing",
                "as for recommendation 1",
                "Immediate",
                "Q3",
                "2007",
                "2007/09",
                "31 February 2007",
                "31/13/2007",
                "",
                "   ",
            })
    void keepsTheTextAndNoDateWhenTheTimescaleNamesNone(String timescale) {
        assertThat(Timescales.dueDate(timescale)).isEmpty();
    }

    @ParameterizedTest(name = "the cell \"{0}\" is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "31/03/2007    | 2007-03-31",
                "31 March 2007 | 2007-03-31",
                "2007-03-31    | 2007-03-31",
                "2007-03       | 2007-03-01",
                " 1 April 2008 | 2008-04-01",
            })
    void readsADateCell(String cell, LocalDate date) {
        assertThat(Timescales.date(cell)).contains(date);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/13/2007", "by 31 March 2007", "soon", "2007/08 and more"})
    void refusesACellThatIsNotOnlyADate(String cell) {
        assertThat(Timescales.date(cell)).isEmpty();
    }
}
