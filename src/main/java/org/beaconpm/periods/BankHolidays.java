package org.beaconpm.periods;

import java.time.LocalDate;
import java.util.List;

/**
 * The bank holidays of England and Wales, as proclaimed, kept in the code as a dated list: substitute days where a
 * holiday falls at a weekend, and the one-off holidays (8 May 2020 moved for VE day, 3 June 2022 for the Platinum
 * Jubilee, 19 September 2022 for the State Funeral, 8 May 2023 for the coronation). Years after the list ends, and
 * holidays proclaimed later, are added as settings ({@link ClosureDay.Kind#BANK_HOLIDAY}).
 */
public final class BankHolidays {

    public static final int FIRST_YEAR = 2018;
    public static final int LAST_YEAR = 2030;

    // spotless:off
    private static final List<ClosureDay> ENGLAND_AND_WALES = List.of(
            // 2018
            day(2018, 1, 1, "New Year's Day"),
            day(2018, 3, 30, "Good Friday"),
            day(2018, 4, 2, "Easter Monday"),
            day(2018, 5, 7, "Early May bank holiday"),
            day(2018, 5, 28, "Spring bank holiday"),
            day(2018, 8, 27, "Summer bank holiday"),
            day(2018, 12, 25, "Christmas Day"),
            day(2018, 12, 26, "Boxing Day"),
            // 2019
            day(2019, 1, 1, "New Year's Day"),
            day(2019, 4, 19, "Good Friday"),
            day(2019, 4, 22, "Easter Monday"),
            day(2019, 5, 6, "Early May bank holiday"),
            day(2019, 5, 27, "Spring bank holiday"),
            day(2019, 8, 26, "Summer bank holiday"),
            day(2019, 12, 25, "Christmas Day"),
            day(2019, 12, 26, "Boxing Day"),
            // 2020
            day(2020, 1, 1, "New Year's Day"),
            day(2020, 4, 10, "Good Friday"),
            day(2020, 4, 13, "Easter Monday"),
            day(2020, 5, 8, "Early May bank holiday (VE day)"),
            day(2020, 5, 25, "Spring bank holiday"),
            day(2020, 8, 31, "Summer bank holiday"),
            day(2020, 12, 25, "Christmas Day"),
            day(2020, 12, 28, "Boxing Day (substitute day)"),
            // 2021
            day(2021, 1, 1, "New Year's Day"),
            day(2021, 4, 2, "Good Friday"),
            day(2021, 4, 5, "Easter Monday"),
            day(2021, 5, 3, "Early May bank holiday"),
            day(2021, 5, 31, "Spring bank holiday"),
            day(2021, 8, 30, "Summer bank holiday"),
            day(2021, 12, 27, "Christmas Day (substitute day)"),
            day(2021, 12, 28, "Boxing Day (substitute day)"),
            // 2022
            day(2022, 1, 3, "New Year's Day (substitute day)"),
            day(2022, 4, 15, "Good Friday"),
            day(2022, 4, 18, "Easter Monday"),
            day(2022, 5, 2, "Early May bank holiday"),
            day(2022, 6, 2, "Spring bank holiday"),
            day(2022, 6, 3, "Platinum Jubilee bank holiday"),
            day(2022, 8, 29, "Summer bank holiday"),
            day(2022, 9, 19, "Bank holiday for the State Funeral of Queen Elizabeth II"),
            day(2022, 12, 26, "Boxing Day"),
            day(2022, 12, 27, "Christmas Day (substitute day)"),
            // 2023
            day(2023, 1, 2, "New Year's Day (substitute day)"),
            day(2023, 4, 7, "Good Friday"),
            day(2023, 4, 10, "Easter Monday"),
            day(2023, 5, 1, "Early May bank holiday"),
            day(2023, 5, 8, "Bank holiday for the coronation of King Charles III"),
            day(2023, 5, 29, "Spring bank holiday"),
            day(2023, 8, 28, "Summer bank holiday"),
            day(2023, 12, 25, "Christmas Day"),
            day(2023, 12, 26, "Boxing Day"),
            // 2024
            day(2024, 1, 1, "New Year's Day"),
            day(2024, 3, 29, "Good Friday"),
            day(2024, 4, 1, "Easter Monday"),
            day(2024, 5, 6, "Early May bank holiday"),
            day(2024, 5, 27, "Spring bank holiday"),
            day(2024, 8, 26, "Summer bank holiday"),
            day(2024, 12, 25, "Christmas Day"),
            day(2024, 12, 26, "Boxing Day"),
            // 2025
            day(2025, 1, 1, "New Year's Day"),
            day(2025, 4, 18, "Good Friday"),
            day(2025, 4, 21, "Easter Monday"),
            day(2025, 5, 5, "Early May bank holiday"),
            day(2025, 5, 26, "Spring bank holiday"),
            day(2025, 8, 25, "Summer bank holiday"),
            day(2025, 12, 25, "Christmas Day"),
            day(2025, 12, 26, "Boxing Day"),
            // 2026
            day(2026, 1, 1, "New Year's Day"),
            day(2026, 4, 3, "Good Friday"),
            day(2026, 4, 6, "Easter Monday"),
            day(2026, 5, 4, "Early May bank holiday"),
            day(2026, 5, 25, "Spring bank holiday"),
            day(2026, 8, 31, "Summer bank holiday"),
            day(2026, 12, 25, "Christmas Day"),
            day(2026, 12, 28, "Boxing Day (substitute day)"),
            // 2027
            day(2027, 1, 1, "New Year's Day"),
            day(2027, 3, 26, "Good Friday"),
            day(2027, 3, 29, "Easter Monday"),
            day(2027, 5, 3, "Early May bank holiday"),
            day(2027, 5, 31, "Spring bank holiday"),
            day(2027, 8, 30, "Summer bank holiday"),
            day(2027, 12, 27, "Christmas Day (substitute day)"),
            day(2027, 12, 28, "Boxing Day (substitute day)"),
            // 2028
            day(2028, 1, 3, "New Year's Day (substitute day)"),
            day(2028, 4, 14, "Good Friday"),
            day(2028, 4, 17, "Easter Monday"),
            day(2028, 5, 1, "Early May bank holiday"),
            day(2028, 5, 29, "Spring bank holiday"),
            day(2028, 8, 28, "Summer bank holiday"),
            day(2028, 12, 25, "Christmas Day"),
            day(2028, 12, 26, "Boxing Day"),
            // 2029
            day(2029, 1, 1, "New Year's Day"),
            day(2029, 3, 30, "Good Friday"),
            day(2029, 4, 2, "Easter Monday"),
            day(2029, 5, 7, "Early May bank holiday"),
            day(2029, 5, 28, "Spring bank holiday"),
            day(2029, 8, 27, "Summer bank holiday"),
            day(2029, 12, 25, "Christmas Day"),
            day(2029, 12, 26, "Boxing Day"),
            // 2030
            day(2030, 1, 1, "New Year's Day"),
            day(2030, 4, 19, "Good Friday"),
            day(2030, 4, 22, "Easter Monday"),
            day(2030, 5, 6, "Early May bank holiday"),
            day(2030, 5, 27, "Spring bank holiday"),
            day(2030, 8, 26, "Summer bank holiday"),
            day(2030, 12, 25, "Christmas Day"),
            day(2030, 12, 26, "Boxing Day")
    );
    // spotless:on

    private BankHolidays() {}

    /** Every bank holiday of England and Wales from {@value #FIRST_YEAR} to {@value #LAST_YEAR}, in date order. */
    public static List<ClosureDay> englandAndWales() {
        return ENGLAND_AND_WALES;
    }

    private static ClosureDay day(int year, int month, int day, String name) {
        return new ClosureDay(LocalDate.of(year, month, day), name, ClosureDay.Kind.BANK_HOLIDAY);
    }
}
