package org.beaconpm.demo;

import static org.beaconpm.demo.DemoIndicator.of;

import java.util.List;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Trend;
import org.beaconpm.indicators.IndicatorKind;

/**
 * The indicators Northbrook District Council reports: national indicators where a district still collects them, the
 * old Best Value indicators councils kept, local ones, and its partners' community safety figures. Levels are
 * typical of an English district of about 100,000 people, and belong to no real council.
 */
final class NorthbrookIndicators {

    /** Cumulative share of the year-end collection by month, April first: ten instalments from April. */
    private static final Double[] COUNCIL_TAX_PROFILE = {
        0.112, 0.206, 0.300, 0.394, 0.488, 0.582, 0.675, 0.768, 0.862, 0.953, 0.983, 1.0
    };

    private static final Double[] BUSINESS_RATES_PROFILE = {
        0.118, 0.210, 0.300, 0.390, 0.480, 0.575, 0.670, 0.760, 0.855, 0.945, 0.980, 1.0
    };

    private NorthbrookIndicators() {}

    static List<DemoIndicator> all() {
        return List.of(
                // Waste and Recycling
                of("NI 191", "Residual household waste per household (kg)")
                        .number(1)
                        .lower()
                        .quarterly()
                        .sum()
                        .national()
                        .owner("NDC-WASTE-COLL")
                        .about(
                                "Kilograms of household waste collected that is not sent for reuse, recycling or"
                                        + " composting, divided by the number of households. Quarterly figures add up"
                                        + " to the year's.",
                                "Every tonne not recycled costs landfill tax and gate fees, and the county's waste"
                                        + " strategy commits us to cutting it.")
                        .series(121, -3)
                        .seasonal(0.05, 11)
                        .noise(0.02)
                        .rationale("Follows the Westshire joint waste strategy trajectory"),
                of("NI 192", "Household waste reused, recycled and composted")
                        .percentage(1)
                        .higher()
                        .quarterly()
                        .ratio(10_500, 1)
                        .national()
                        .owner("NDC-WASTE-RSC")
                        .about(
                                "Tonnes of household waste sent for reuse, recycling or composting as a percentage of"
                                        + " all household waste collected (WasteDataFlow).",
                                "Recycling is cheaper than disposal and is the waste measure residents ask about"
                                        + " most.")
                        .series(45.5, 0.8)
                        .seasonal(0.12, 7)
                        .noise(0.015)
                        .rationale("Steps towards the 55% national ambition for household recycling")
                        .offTrack("Garden waste tonnages fell with the dry weather, and contamination rejected three"
                                + " loads at the materials recovery facility; a contamination campaign on the"
                                + " worst rounds starts next month.")
                        .latest(Status.AMBER),
                of("NI 193", "Municipal waste land filled")
                        .percentage(1)
                        .lower()
                        .quarterly()
                        .ratio(12_500, 1)
                        .national()
                        .owner("NDC-WASTE")
                        .about(
                                "Municipal waste sent to landfill as a percentage of all municipal waste collected.",
                                "Landfill is the most expensive and least sustainable way to deal with waste.")
                        .series(18, -1.5)
                        .noise(0.04)
                        .rationale("Reflects the county's energy-from-waste contract taking more residual waste"),
                of("WM-04", "Missed bin collections per 100,000 collections")
                        .number(0)
                        .lower()
                        .monthly()
                        .mean()
                        .owner("NDC-WASTE-COLL")
                        .about(
                                "Reported missed collections of any bin, per 100,000 scheduled collections.",
                                "A missed bin is the most common reason residents contact the council.")
                        .series(42, -2)
                        .seasonal(0.15, 1)
                        .noise(0.1)
                        .offTrack("Vehicle breakdowns and agency crews new to the rounds; two replacement vehicles"
                                + " arrive next month and crews now use in-cab round sheets."),
                of("WM-05", "Cost of waste collection per household")
                        .money()
                        .lower()
                        .annual()
                        .last()
                        .owner("NDC-WASTE")
                        .about(
                                "Net cost of refuse and recycling collection divided by the number of households.",
                                "Read with recycling and satisfaction, it shows whether the service is good value.")
                        .series(58.40, 1.90)
                        .noise(0.01)
                        .stretch(0.005)
                        .rationale("Holds the rise in cost below inflation through the new round routes"),
                of("EC-01", "Fly-tipping incidents reported")
                        .number(0)
                        .lower()
                        .monthly()
                        .sum()
                        .proxyFor("NI 196")
                        .owner("NDC-WASTE-RSC")
                        .about(
                                "Fly-tipping incidents reported to or found by the council (the Flycapture return).",
                                "Fly-tipping blights neighbourhoods and costs the council to clear.")
                        .series(95, -4)
                        .seasonal(0.2, 8)
                        .noise(0.12)
                        .offTrack("A spate of tipping on the lanes north of Oakwood; cameras are now deployed at the"
                                + " three worst sites."),
                of("NI 195", "Improved street and environmental cleanliness: litter")
                        .percentage(1)
                        .lower()
                        .annual()
                        .mean()
                        .national()
                        .owner("NDC-WASTE-RSC")
                        .about(
                                "Percentage of relevant land surveyed that falls below an acceptable level of litter,"
                                        + " over the year's three survey tranches.",
                                "Clean streets are among residents' top priorities in every survey.")
                        .series(7.5, -0.3)
                        .noise(0.06),

                // Planning and Building Control
                of("NI 157a", "Major planning applications determined within 13 weeks")
                        .percentage(1)
                        .higher()
                        .quarterly()
                        .ratio(9, 0)
                        .national()
                        .owner("NDC-PLAN-DM")
                        .about(
                                "Major applications determined within 13 weeks (or an agreed extension) as a"
                                        + " percentage of all major applications determined.",
                                "Slow decisions hold back housing and jobs, and below 60% the government can"
                                        + " designate the council as under-performing.")
                        .series(74, 2)
                        .noise(0.06)
                        .target(65)
                        .rationale("Five points above the government's designation threshold"),
                of("NI 157b", "Minor planning applications determined within 8 weeks")
                        .percentage(1)
                        .higher()
                        .quarterly()
                        .ratio(70, 0)
                        .national()
                        .owner("NDC-PLAN-DM")
                        .about(
                                "Minor applications determined within 8 weeks as a percentage of all minor"
                                        + " applications determined.",
                                "Small builders and householders depend on timely decisions.")
                        .series(78, 1)
                        .noise(0.05)
                        .target(70)
                        .rationale("Matches the upper quartile of our CIPFA nearest neighbours"),
                of("NI 157c", "Other planning applications determined within 8 weeks")
                        .percentage(1)
                        .higher()
                        .quarterly()
                        .ratio(230, 0)
                        .national()
                        .owner("NDC-PLAN-DM")
                        .about(
                                "Other applications (mostly householder) determined within 8 weeks as a percentage"
                                        + " of all such applications determined.",
                                "Householder applications are most residents' only contact with planning.")
                        .series(86, 1)
                        .noise(0.03)
                        .target(80)
                        .rationale("Matches the upper quartile of our CIPFA nearest neighbours")
                        .latest(Status.GREEN),
                of("PL-04", "Planning appeals allowed")
                        .percentage(1)
                        .lower()
                        .quarterly()
                        .ratio(14, 0)
                        .owner("NDC-PLAN-DM")
                        .about(
                                "Appeals against refusal allowed by the Planning Inspectorate, as a percentage of"
                                        + " appeals decided.",
                                "Shows whether our refusals are sound; allowed appeals can bring costs awards.")
                        .series(28, -1)
                        .noise(0.15)
                        .target(30)
                        .rationale("The national average for district councils"),
                of("BC-01", "Building regulations applications checked within 15 working days")
                        .percentage(1)
                        .higher()
                        .monthly()
                        .ratio(45, 0)
                        .owner("NDC-PLAN-BC")
                        .about(
                                "Full plans applications checked within 15 working days of receipt, as a"
                                        + " percentage of all checked.",
                                "Building control competes with approved inspectors: speed keeps the fee income.")
                        .series(91, 0.5)
                        .noise(0.04)
                        .target(90)
                        .rationale("The service standard published to agents"),
                of("NI 154", "Net additional homes provided")
                        .number(0)
                        .higher()
                        .annual()
                        .sum()
                        .national()
                        .owner("NDC-PLAN-POL")
                        .about(
                                "Net increase in dwelling stock over the year: completions, conversions and changes"
                                        + " of use, less demolitions.",
                                "The Local Plan requires 450 new homes a year.")
                        .series(410, 15)
                        .noise(0.08)
                        .target(450)
                        .rationale("The Local Plan's annual housing requirement"),

                // Revenues and Benefits
                of(
                                "NI 181",
                                "Time taken to process Housing Benefit and Council Tax Support new claims and change"
                                        + " events")
                        .days(1)
                        .lower()
                        .monthly()
                        .ratio(1_900, 0)
                        .national()
                        .tolerance(1)
                        .owner("NDC-REVBEN-HB")
                        .about(
                                "Total days taken to process new claims and changes of circumstance, divided by the"
                                        + " number processed (the 'right time' indicator).",
                                "Delays push vulnerable residents into arrears and rent debt.")
                        .series(9.5, -0.5)
                        .seasonal(0.08, 4)
                        .noise(0.05)
                        .stretch(0.05)
                        .rationale("Returns processing to the top quartile after the new system bedded in")
                        .offTrack("The annual uprating and a backlog after the benefits system upgrade slowed"
                                + " processing; two agency assessors started this month and overtime is clearing"
                                + " the oldest work first.")
                        .latest(Status.RED)
                        .trend(Trend.IMPROVING),
                of("NI 180", "Changes in circumstances which affect customers' benefit entitlement")
                        .number(0)
                        .higher()
                        .quarterly()
                        .sum()
                        .national()
                        .owner("NDC-REVBEN-HB")
                        .about(
                                "Changes of circumstance processed that affect entitlement, per 1,000 caseload (the"
                                        + " 'right benefit' indicator).",
                                "Acting on changes promptly keeps overpayments and fraud down.")
                        .series(205, 6)
                        .seasonal(0.05, 5)
                        .noise(0.05),
                of("BV 9", "Council tax collected")
                        .percentage(1)
                        .higher()
                        .monthly()
                        .last()
                        .cumulative(COUNCIL_TAX_PROFILE)
                        .owner("NDC-REVBEN-CTAX")
                        .about(
                                "Council tax collected in the year so far as a percentage of the net collectable"
                                        + " debit for the year.",
                                "Council tax pays for most of the council's services and those of the county,"
                                        + " police and fire.")
                        .series(97.6, 0.1)
                        .noise(0.3)
                        .stretch(0.002)
                        .rationale("Keeps collection in the top quartile of shire districts")
                        .latest(Status.GREEN),
                of("BV 10", "Business rates (NNDR) collected")
                        .percentage(1)
                        .higher()
                        .monthly()
                        .last()
                        .cumulative(BUSINESS_RATES_PROFILE)
                        .owner("NDC-REVBEN-NNDR")
                        .about(
                                "Non-domestic rates collected in the year so far as a percentage of the net"
                                        + " collectable debit for the year.",
                                "Under business rates retention the council keeps part of what it collects.")
                        .series(98.4, 0.05)
                        .noise(0.4)
                        .stretch(0.002)
                        .rationale("Keeps collection at the level of the last three years")
                        .offTrack("Two large ratepayers went into administration; claims are lodged with the"
                                + " administrators."),

                // Customer Services and corporate
                of("CS-01", "Complaints answered within 10 working days")
                        .percentage(1)
                        .higher()
                        .monthly()
                        .ratio(65, 0)
                        .owner("NDC-CUSTOMER")
                        .about(
                                "Stage 1 complaints answered in full within 10 working days, as a percentage of all"
                                        + " stage 1 complaints answered.",
                                "The complaints standard the council publishes, and the Ombudsman's first check.")
                        .series(86, 1)
                        .noise(0.05)
                        .target(90)
                        .rationale("The corporate complaints standard")
                        .offTrack("Complaints about the new garden waste permits doubled; the waste team now has a"
                                + " named officer for them.")
                        .latest(Status.AMBER),
                of("CS-02", "Contact centre calls answered within 60 seconds")
                        .percentage(1)
                        .higher()
                        .monthly()
                        .ratio(14_000, 0)
                        .owner("NDC-CUSTOMER-CC")
                        .about(
                                "Calls to the main council number answered by an adviser within 60 seconds, as a"
                                        + " percentage of calls offered.",
                                "Long waits mean abandoned calls and repeat contact.")
                        .series(78, 1)
                        .seasonal(-0.06, 4)
                        .noise(0.03)
                        .target(80)
                        .rationale("The customer service standard")
                        .offTrack("Annual council tax bills brought the usual spring peak; two advisers were also on"
                                + " long-term sick leave.")
                        .trend(Trend.NO_CHANGE),
                of("NI 14", "Avoidable contact")
                        .percentage(1)
                        .lower()
                        .quarterly()
                        .ratio(3_000, 0)
                        .national()
                        .owner("NDC-CUSTOMER-CC")
                        .about(
                                "Sampled customer contacts of low or no value to the customer (chasing, repeat"
                                        + " calls), as a percentage of contacts sampled.",
                                "Avoidable contact is cost the council can take out by getting things right first"
                                        + " time.")
                        .series(24, -1.2)
                        .noise(0.04),
                of("CS-03", "Residents satisfied with the way the council runs things")
                        .percentage(0)
                        .higher()
                        .annual()
                        .last()
                        .kind(IndicatorKind.SATISFACTION)
                        .owner("NDC-PERF")
                        .about(
                                "Residents' survey respondents very or fairly satisfied with the way the council"
                                        + " runs things (LGA question wording).",
                                "The headline measure of residents' confidence in the council.")
                        .series(61, 0.8)
                        .noise(0.02)
                        .rationale("At least the LGA's national polling average"),
                of("FN-01", "Undisputed invoices paid within 30 days")
                        .percentage(1)
                        .higher()
                        .monthly()
                        .ratio(1_800, 0)
                        .owner("NDC-FINANCE-ACC")
                        .about(
                                "Undisputed invoices from suppliers paid within 30 days of receipt, as a percentage"
                                        + " of all undisputed invoices paid (formerly BV 8).",
                                "Paying promptly matters to local small businesses; it is a Procurement Act duty.")
                        .series(96, 0.2)
                        .noise(0.01)
                        .target(97)
                        .rationale("The Procurement Act payment standard, with a margin")
                        .offTrack("Invoices were held while the finance system was upgraded; the backlog has been"
                                + " cleared.")
                        .atRisk(),
                of("LG-01", "Freedom of information requests answered within 20 working days")
                        .percentage(1)
                        .higher()
                        .monthly()
                        .ratio(70, 0)
                        .owner("NDC-LEGAL-LEGAL")
                        .about(
                                "FOI and EIR requests answered within 20 working days, as a percentage of requests"
                                        + " due in the month.",
                                "The Information Commissioner monitors councils that answer fewer than 90% on"
                                        + " time.")
                        .series(88, 1)
                        .noise(0.05)
                        .target(90)
                        .rationale("The Information Commissioner's expectation")
                        .offTrack("Services were slow to return information for requests about the leisure"
                                + " contract; FOI champions are now named in each service.")
                        .latest(Status.MISSING),
                of("HR-01", "Working days lost to sickness absence per FTE")
                        .days(2)
                        .lower()
                        .quarterly()
                        .sum()
                        .owner("NDC-HR")
                        .about(
                                "Working days lost to sickness absence divided by the average number of full-time"
                                        + " equivalent staff (formerly BV 12). Quarters add up to the year.",
                                "Absence costs money and service, and signals the health of the organisation.")
                        .series(2.2, -0.05)
                        .seasonal(0.15, 1)
                        .noise(0.06)
                        .rationale("Brings absence down to the public sector median of 8.5 days a year")
                        .offTrack("Winter respiratory illness and long-term absence in the depot; occupational"
                                + " health referrals are now made at four weeks."),
                of("HR-02", "Staff turnover (rolling 12 months)")
                        .percentage(1)
                        .range(8, 12)
                        .quarterly()
                        .last()
                        .owner("NDC-HR")
                        .about(
                                "Leavers in the last 12 months as a percentage of average headcount.",
                                "Some turnover brings in new skills; too much loses knowledge and costs recruitment.")
                        .series(10.6, 0.3)
                        .noise(0.04)
                        .rationale("A healthy range for a district council of our size")
                        .offTrack("Planning and environmental health officers are leaving for better-paid posts;"
                                + " a market supplement is before the employment committee."),

                // Housing and Homelessness
                of("HO-01", "Households owed the main homelessness duty")
                        .number(0)
                        .dataOnly()
                        .quarterly()
                        .sum()
                        .owner("NDC-HOUSING-OPT")
                        .about(
                                "Households accepted as unintentionally homeless and in priority need (H-CLIC).",
                                "Shows the pressure on the housing service; the council does not set a target.")
                        .series(48, 4)
                        .noise(0.12),
                of("HO-02", "Households in temporary accommodation")
                        .number(0)
                        .lower()
                        .quarterly()
                        .last()
                        .owner("NDC-HOUSING-OPT")
                        .about(
                                "Households in temporary accommodation arranged by the council on the last day of"
                                        + " the quarter.",
                                "Temporary accommodation is costly for the council and hard on families.")
                        .series(62, 6)
                        .noise(0.05)
                        .stretch(0.1)
                        .rationale("Holds numbers below last year's by buying homes for temporary use")
                        .offTrack("Evictions from private rented homes are rising and there are few homes to move on"
                                + " to; the council is buying 20 homes for temporary use.")
                        .latest(Status.RED)
                        .trend(Trend.WORSENING),
                of("HO-03", "Homelessness prevented or relieved")
                        .percentage(1)
                        .higher()
                        .quarterly()
                        .ratio(160, 0)
                        .owner("NDC-HOUSING-OPT")
                        .about(
                                "Prevention and relief duties ended with accommodation secured, as a percentage of"
                                        + " all such duties ended.",
                                "Preventing homelessness is better for households and cheaper than temporary"
                                        + " accommodation.")
                        .series(58, 1)
                        .noise(0.06)
                        .rationale("Above the England average"),
                of("HO-04", "Average days to complete a disabled facilities grant adaptation")
                        .days(0)
                        .lower()
                        .quarterly()
                        .mean()
                        .owner("NDC-HOUSING-PSH")
                        .about(
                                "Days from approval of a disabled facilities grant to completion of the works,"
                                        + " averaged over adaptations completed.",
                                "Adaptations let disabled people stay in their homes and out of hospital.")
                        .series(145, -8)
                        .noise(0.08)
                        .offTrack("Contractor capacity for stair lifts is short; a second framework contractor"
                                + " starts next quarter."),
                of("HO-05", "Households on the housing register")
                        .number(0)
                        .dataOnly()
                        .quarterly()
                        .last()
                        .owner("NDC-HOUSING-OPT")
                        .about(
                                "Households on the housing register at the end of the quarter.",
                                "Context for homelessness and housing supply; not a measure of performance.")
                        .series(2_450, 90)
                        .noise(0.02),

                // Environmental Health
                of("EH-01", "Food hygiene inspections due that were done")
                        .percentage(1)
                        .higher()
                        .quarterly()
                        .ratio(160, 0)
                        .owner("NDC-EH-FOOD")
                        .about(
                                "Programmed food hygiene interventions done, as a percentage of those due in the"
                                        + " quarter under the Food Law Code of Practice.",
                                "The Food Standards Agency audits councils against their inspection programme.")
                        .series(88, 1.5)
                        .noise(0.04)
                        .target(95)
                        .rationale("The Food Standards Agency's recovery plan expectation")
                        .offTrack("Two vacant food officer posts; a contractor is carrying out lower-risk"
                                + " inspections."),
                of("NI 184", "Food establishments broadly compliant with food hygiene law")
                        .percentage(1)
                        .higher()
                        .annual()
                        .last()
                        .national()
                        .owner("NDC-EH-FOOD")
                        .about(
                                "Food establishments rated broadly compliant (food hygiene rating of 3 or better) as"
                                        + " a percentage of all rated establishments.",
                                "Safe food protects public health and the local economy.")
                        .series(92.5, 0.6)
                        .noise(0.005)
                        .stretch(0.003),
                of("EH-02", "Noise complaints responded to within 2 working days")
                        .percentage(1)
                        .higher()
                        .monthly()
                        .ratio(85, 0)
                        .owner("NDC-EH-EP")
                        .about(
                                "Noise complaints with a first response within 2 working days, as a percentage of"
                                        + " complaints received.",
                                "Noise is the most common neighbour nuisance; a quick first response stops it"
                                        + " escalating.")
                        .series(93, 0.5)
                        .seasonal(-0.03, 7)
                        .noise(0.03)
                        .target(95)
                        .rationale("The environmental protection service standard"),
                of("NI 185", "CO2 reduction from council operations")
                        .percentage(1)
                        .higher()
                        .annual()
                        .last()
                        .national()
                        .owner("NDC-EH-EP")
                        .about(
                                "Percentage reduction in carbon dioxide emissions from the council's buildings,"
                                        + " fleet and business travel on the previous year.",
                                "The council has declared a climate emergency and committed to net zero by 2030.")
                        .series(4.5, 0.4)
                        .noise(0.1)
                        .rationale("The trajectory to net zero by 2030 in the climate action plan"),

                // Leisure, economy
                of("LC-01", "Visits to council leisure centres")
                        .number(0)
                        .higher()
                        .monthly()
                        .sum()
                        .owner("NDC-LEISURE")
                        .about(
                                "Admissions to the council's three leisure centres, as counted at the turnstiles.",
                                "Physical activity is a health priority; visits also drive the contract income.")
                        .series(52_000, 1_500)
                        .seasonal(0.12, 1)
                        .noise(0.04)
                        .rationale("The leisure operator's contracted growth in admissions"),
                of("ED-01", "Town-centre footfall")
                        .number(0)
                        .higher()
                        .monthly()
                        .sum()
                        .owner("NDC-ECON")
                        .about(
                                "People counted by the footfall cameras in Northbrook and Castle Street in the month.",
                                "Footfall drives the town centre's shops and the council's car park income.")
                        .series(410_000, -6_000)
                        .seasonal(0.15, 12)
                        .noise(0.04)
                        .rationale("Holds footfall at the previous year's level")
                        .noTargetThisYear(),
                of("ED-02", "Vacant shop units in the town centre")
                        .percentage(1)
                        .lower()
                        .quarterly()
                        .last()
                        .owner("NDC-ECON")
                        .about(
                                "Ground-floor retail units in the primary shopping area that are vacant, as a"
                                        + " percentage of all units.",
                                "A visible sign of the town centre's health.")
                        .series(14.5, -0.4)
                        .noise(0.04)
                        .stretch(0.03)
                        .rationale("Below the national average for market towns")
                        .noTargetThisYear(),

                // Partners: Safer Northbrook Partnership
                of("CSP-01", "Anti-social behaviour incidents reported to the police")
                        .number(0)
                        .lower()
                        .monthly()
                        .sum()
                        .partner()
                        .owner("WP-NBK-NPT")
                        .about(
                                "Anti-social behaviour incidents in Northbrook recorded by Westshire Police.",
                                "A priority of the Safer Northbrook Partnership and of residents in every ward.")
                        .series(310, -12)
                        .seasonal(0.18, 7)
                        .noise(0.07)
                        .rationale("The Safer Northbrook Partnership plan's 5% reduction")
                        .offTrack("Youth disorder around the station and the bus interchange; a dispersal order and"
                                + " detached youth work are in place, and the neighbourhood team patrols at weekends."),
                of("CSP-02", "Deliberate fires")
                        .number(0)
                        .lower()
                        .quarterly()
                        .sum()
                        .partner()
                        .owner("WFRS")
                        .about(
                                "Primary and secondary fires started deliberately in Northbrook, as recorded by"
                                        + " Westshire Fire and Rescue Service.",
                                "Deliberate fires put lives at risk and are often linked to anti-social behaviour.")
                        .series(38, -1)
                        .seasonal(0.35, 5)
                        .noise(0.12)
                        .rationale("The fire service's community risk management plan")
                        .offTrack("Refuse and grass fires around Hillside and Millfield; the fire service is running"
                                + " school visits and clearing fly-tipped waste with the council.")
                        .latest(Status.MISSING),
                of("NI 49", "Primary fires and related fatalities and non-fatal casualties")
                        .number(0)
                        .lower()
                        .quarterly()
                        .sum()
                        .partner()
                        .owner("WFRS")
                        .about(
                                "Primary fires (in buildings, vehicles and outdoor structures) in Northbrook,"
                                        + " excluding precautionary checks.",
                                "Primary fires are where people are killed and injured.")
                        .series(24, -0.5)
                        .seasonal(0.1, 1)
                        .noise(0.15)
                        .rationale("The fire service's community risk management plan"),
                of("NI 8", "Adult participation in sport and active recreation")
                        .percentage(1)
                        .higher()
                        .annual()
                        .last()
                        .national()
                        .kind(IndicatorKind.SATISFACTION)
                        .owner("NDC-LEISURE")
                        .about(
                                "Adults taking part in at least 30 minutes of moderate-intensity sport on 3 or more"
                                        + " days a week (Active Lives survey).",
                                "Activity keeps people healthy; the leisure strategy aims to raise it.")
                        .series(23, 0.5)
                        .noise(0.03));
    }
}
