package org.beaconpm.risks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.platform.FormError;

/**
 * Reads a risk from named text fields, as the import's columns name them: one parser, so that the import and the API
 * check alike and say the same. Every problem is listed, each against its column.
 */
final class RiskText {

    static final List<String> REQUIRED_COLUMNS = List.of(
            "register",
            "code",
            "title",
            "owner_unit",
            "category",
            "cause",
            "event",
            "effect",
            "inherent_likelihood",
            "inherent_impact",
            "residual_likelihood",
            "residual_impact",
            "controls",
            "review_date");

    static final List<String> OPTIONAL_COLUMNS =
            List.of("owner", "target_likelihood", "target_impact", "indicators", "mitigating_actions");

    static final Set<String> REQUIRED = new LinkedHashSet<>(REQUIRED_COLUMNS);
    static final Set<String> OPTIONAL = new LinkedHashSet<>(OPTIONAL_COLUMNS);

    /** Letters and digits, then also spaces, dots, hyphens and underscores: {@code CR-01}, {@code SR WASTE 3}. */
    private static final String CODE = "[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}";

    /** A person named as a risk's owner: a user's id where one is matched, else the name as written. */
    record Owner(Long userId, String name) {}

    /** What a risk's codes are checked against: read once for a whole import. */
    record Lookups(
            Map<String, RiskRegister> registers,
            Map<String, OrganisationUnit> units,
            Function<Long, Set<Long>> subtree,
            Function<String, Owner> owner,
            Function<String, Optional<Indicator>> indicator) {}

    /** The risk as read, with its register; {@code fields} is null when anything was wrong. */
    record Parsed(RiskFields fields, RiskRegister register, List<FormError> problems) {}

    private RiskText() {}

    static Parsed parse(Function<String, String> given, Lookups lookups) {
        Function<String, String> field = name -> {
            String value = given.apply(name);
            return value == null ? "" : value.strip();
        };
        List<FormError> problems = new ArrayList<>();

        String registerCode = field.apply("register");
        RiskRegister register = null;
        if (registerCode.isEmpty()) {
            problems.add(new FormError("register", "Enter the code of the risk register"));
        } else {
            register = lookups.registers().get(registerCode);
            if (register == null) {
                problems.add(new FormError("register", "No risk register has the code \"" + registerCode + "\""));
            }
        }

        String code = field.apply("code");
        if (code.isEmpty()) {
            problems.add(new FormError("code", "Enter the risk's code"));
        } else if (!code.matches(CODE)) {
            problems.add(new FormError(
                    "code",
                    "\"" + code + "\" is not a risk code: up to 40 letters, digits, spaces, dots, hyphens and"
                            + " underscores, starting with a letter or digit"));
        }
        String title = required(field, "title", "Enter the risk's title", problems);
        if (title.length() > 200) {
            problems.add(new FormError("title", "The title is " + title.length() + " characters: keep it to 200"));
        }

        String unitCode = field.apply("owner_unit");
        OrganisationUnit unit = null;
        if (unitCode.isEmpty()) {
            problems.add(new FormError("owner_unit", "Enter the code of the unit that owns the risk"));
        } else {
            unit = lookups.units().get(unitCode);
            if (unit == null) {
                problems.add(new FormError("owner_unit", "No unit has the code \"" + unitCode + "\""));
            } else if (unit.isRetired()) {
                problems.add(new FormError(
                        "owner_unit",
                        "Unit " + unitCode + " (" + unit.name() + ") was retired on "
                                + RiskDates.write(unit.retiredOn()) + ": choose a unit in use"));
                unit = null;
            } else if (register != null
                    && register.kind() != RegisterKind.PARTNERSHIP
                    && !lookups.subtree().apply(register.ownerUnitId()).contains(unit.id())) {
                problems.add(new FormError(
                        "owner_unit",
                        "Unit " + unitCode + " (" + unit.name() + ") is not within the units of register "
                                + register.code() + ": only a partnership register holds other units' risks"));
                unit = null;
            }
        }

        String categoryText = field.apply("category");
        Optional<RiskCategory> category = RiskCategory.fromText(categoryText);
        if (categoryText.isEmpty()) {
            problems.add(new FormError("category", "Enter the category: " + RiskCategory.codes()));
        } else if (category.isEmpty()) {
            problems.add(new FormError(
                    "category", "\"" + categoryText + "\" is not a category: use " + RiskCategory.codes()));
        }

        String cause = required(field, "cause", "Say what could cause the risk", problems);
        String event = required(field, "event", "Say what could happen", problems);
        String effect = required(field, "effect", "Say what the effect would be", problems);
        String controls = required(field, "controls", "Say what controls are in place", problems);

        Score inherent = null;
        Score residual = null;
        Score target = null;
        if (register != null) {
            RiskMatrix matrix = register.matrix();
            inherent = score(matrix, field, "inherent", true, problems);
            residual = score(matrix, field, "residual", true, problems);
            target = score(matrix, field, "target", false, problems);
            if (inherent != null && residual != null && residual.value() > inherent.value()) {
                problems.add(new FormError(
                        "residual_likelihood",
                        "The residual score (" + residual.value() + ") is higher than the inherent score ("
                                + inherent.value() + "): controls do not make a risk worse"));
            }
        }

        String reviewText = field.apply("review_date");
        LocalDate reviewDate = null;
        if (reviewText.isEmpty()) {
            problems.add(new FormError("review_date", "Enter the date of the next review, such as 31/03/2027"));
        } else {
            reviewDate = RiskDates.read(reviewText).orElse(null);
            if (reviewDate == null) {
                problems.add(new FormError("review_date", RiskDates.notADate(reviewText)));
            }
        }

        String ownerText = field.apply("owner");
        Owner owner =
                ownerText.isEmpty() ? new Owner(null, null) : lookups.owner().apply(ownerText);

        List<Long> indicatorIds = new ArrayList<>();
        for (String indicatorCode : field.apply("indicators").split("[;\n]")) {
            String wanted = indicatorCode.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            Optional<Indicator> indicator = lookups.indicator().apply(wanted);
            if (indicator.isEmpty()) {
                problems.add(new FormError(
                        "indicators", "No indicator has the code \"" + wanted + "\" within the units you may see"));
            } else if (!indicatorIds.contains(indicator.get().id())) {
                indicatorIds.add(indicator.get().id());
            }
        }

        String mitigating = field.apply("mitigating_actions");
        if (!problems.isEmpty()) {
            return new Parsed(null, register, List.copyOf(problems));
        }
        return new Parsed(
                new RiskFields(
                        register.id(),
                        code,
                        title,
                        unit.organisationId(),
                        unit.id(),
                        owner.userId(),
                        owner.name(),
                        category.orElseThrow(),
                        cause,
                        event,
                        effect,
                        inherent,
                        residual,
                        target,
                        controls,
                        mitigating.isEmpty() ? null : mitigating,
                        reviewDate,
                        List.copyOf(indicatorIds)),
                register,
                List.of());
    }

    /** A score from its two columns, {@code <prefix>_likelihood} and {@code <prefix>_impact}. */
    private static Score score(
            RiskMatrix matrix,
            Function<String, String> field,
            String prefix,
            boolean required,
            List<FormError> problems) {
        String likelihoodText = field.apply(prefix + "_likelihood");
        String impactText = field.apply(prefix + "_impact");
        if (!required && likelihoodText.isEmpty() && impactText.isEmpty()) {
            return null;
        }
        if (!required && (likelihoodText.isEmpty() || impactText.isEmpty())) {
            String missing = likelihoodText.isEmpty() ? prefix + "_likelihood" : prefix + "_impact";
            problems.add(new FormError(missing, "Give both the target likelihood and the target impact, or neither"));
            return null;
        }
        RiskMatrix.Reading likelihood = matrix.readLikelihood(likelihoodText);
        RiskMatrix.Reading impact = matrix.readImpact(impactText);
        if (!likelihood.ok()) {
            problems.add(new FormError(prefix + "_likelihood", likelihood.problem()));
        }
        if (!impact.ok()) {
            problems.add(new FormError(prefix + "_impact", impact.problem()));
        }
        return likelihood.ok() && impact.ok() ? new Score(likelihood.level(), impact.level()) : null;
    }

    private static String required(
            Function<String, String> field, String name, String message, List<FormError> problems) {
        String value = field.apply(name);
        if (value.isEmpty()) {
            problems.add(new FormError(name, message));
        }
        return value;
    }

    /** The owner written as a user's email address or name, matched in any case; else kept as written. */
    static Owner owner(String text, List<Person> people) {
        String wanted = text.strip();
        List<Person> matches = people.stream()
                .filter(person -> wanted.contains("@")
                        ? person.email().equalsIgnoreCase(wanted)
                        : person.name().strip().equalsIgnoreCase(wanted))
                .toList();
        return matches.size() == 1 ? new Owner(matches.get(0).id(), null) : new Owner(null, wanted);
    }

    /** A Beacon user as an owner may name them. */
    record Person(long id, String email, String name) {}
}
