package org.beaconpm.access;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;

/**
 * The CSV form of users and their roles, {@code email,name,role,unit} with optional {@code partnership} and
 * {@code everything}, one row per role held. Checks a whole file against the saved users and plans the writes, or
 * refuses it with every error. A user on several rows holds several roles; the file only adds users and roles, and
 * leaves the roles it does not name as they are.
 */
final class UsersCsv {

    /** A saved user, with the roles they hold. */
    record Existing(long id, String email, String name, List<RoleAssignment> assignments) {}

    record NewUser(String email, String name) {}

    record Grant(String email, RoleScopes.Wanted wanted) {}

    /** The writes: users to create, names to change (by user id), roles to give; and what each row does. */
    record Plan(
            int rows,
            List<NewUser> newUsers,
            Map<Long, String> renames,
            List<Grant> grants,
            int created,
            int updated,
            int unchanged) {}

    private final Map<String, Existing> existing = new HashMap<>();
    private final RoleScopes scopes;

    UsersCsv(List<Existing> users, RoleScopes scopes) {
        users.forEach(user -> existing.put(key(user.email()), user));
        this.scopes = scopes;
    }

    /** Email addresses match in any case. */
    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    Plan plan(Reader csv) {
        CsvTable table =
                CsvTable.read(csv, Set.of("email", "name", "role"), Set.of("unit", "partnership", "everything"));
        List<ImportError> errors = new ArrayList<>(table.errors());
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        Map<String, CsvTable.Row> firstRowOf = new HashMap<>();
        Map<String, Integer> rowOfRole = new HashMap<>();
        Map<String, NewUser> newUsers = new LinkedHashMap<>();
        Map<Long, String> renames = new LinkedHashMap<>();
        List<Grant> grants = new ArrayList<>();
        Set<String> renamedBy = new HashSet<>();
        int created = 0;
        int updated = 0;
        for (CsvTable.Row row : table.rows()) {
            int number = row.number();
            List<ImportError> rowErrors = new ArrayList<>();
            String email = row.get("email");
            String name = row.get("name");
            if (email.isEmpty()) {
                rowErrors.add(new ImportError(number, "email", "Enter the person's email address"));
            } else if (!UserAccounts.isEmailAddress(email)) {
                rowErrors.add(new ImportError(
                        number,
                        "email",
                        "\"" + email + "\" is not an email address in the correct format, like name@example.gov.uk"));
            }
            if (name.isEmpty()) {
                rowErrors.add(new ImportError(number, "name", "Enter the person's name"));
            } else if (name.length() > UserAccounts.MAX_NAME_LENGTH) {
                rowErrors.add(new ImportError(
                        number, "name", "A name can be at most " + UserAccounts.MAX_NAME_LENGTH + " characters"));
            }
            if (rowErrors.isEmpty()) {
                CsvTable.Row first = firstRowOf.putIfAbsent(key(email), row);
                if (first != null && !first.get("name").equals(name)) {
                    rowErrors.add(new ImportError(
                            number,
                            "name",
                            "Row " + first.number() + " names " + email + " \"" + first.get("name")
                                    + "\": give the person the same name on every row"));
                }
            }
            List<FormError> problems = new ArrayList<>();
            var wanted = scopes.read(
                    row.get("role"), row.get("unit"), row.get("partnership"), row.get("everything"), problems);
            problems.forEach(problem -> rowErrors.add(new ImportError(number, problem.field(), problem.message())));
            if (!rowErrors.isEmpty() || wanted.isEmpty()) {
                errors.addAll(rowErrors);
                continue;
            }
            RoleScopes.Wanted role = wanted.get();
            String roleKey = key(email) + "|" + role;
            Integer earlier = rowOfRole.putIfAbsent(roleKey, number);
            if (earlier != null) {
                errors.add(new ImportError(
                        number, "role", "This row repeats row " + earlier + ": the same person, role and place"));
                continue;
            }
            Existing user = existing.get(key(email));
            boolean gives = user == null || !holds(user, role);
            boolean renamesUser = user != null && !user.name().equals(name) && renamedBy.add(key(email));
            if (user == null) {
                newUsers.putIfAbsent(key(email), new NewUser(email, name));
            } else if (renamesUser) {
                renames.put(user.id(), name);
            }
            if (gives) {
                grants.add(new Grant(email, role));
                created++;
            } else if (renamesUser) {
                updated++;
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ImportError::row));
            throw new ImportRefused(errors);
        }
        int rows = table.rows().size();
        return new Plan(
                rows, List.copyOf(newUsers.values()), renames, grants, created, updated, rows - created - updated);
    }

    private static boolean holds(Existing user, RoleScopes.Wanted role) {
        return user.assignments().stream()
                .anyMatch(held -> held.role() == role.role()
                        && java.util.Objects.equals(held.unitId(), role.unitId())
                        && java.util.Objects.equals(held.partnershipId(), role.partnershipId()));
    }
}
