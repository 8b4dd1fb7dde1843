package org.beaconpm.access.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.beaconpm.access.RoleAssignment;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.access.UserImportSummary;
import org.beaconpm.platform.NotFound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** Users and the roles they hold, over the API: list, create, give and take away roles, import from CSV. */
@RestController
@Tag(name = "Users", description = "Users and their roles; for administrators")
class UsersApi {

    /** A user as the API shows them. */
    record UserBody(long id, String email, String name, boolean enabled, List<RoleBody> roles) {

        static UserBody of(UserAccounts.Listed user) {
            return new UserBody(
                    user.id(),
                    user.email(),
                    user.name(),
                    user.enabled(),
                    user.roles().stream().map(RoleBody::of).toList());
        }
    }

    /** A role held: over the unit of the code {@code unit}, the partnership {@code partnership}, or everything. */
    record RoleBody(
            long id,
            @Schema(example = "indicator_owner") String role,
            @Schema(example = "NDC-WASTE") String unit,
            String partnership,
            boolean everything) {

        static RoleBody of(UserAccounts.HeldRole held) {
            return new RoleBody(held.id(), held.role().code(), held.unit(), held.partnership(), held.everything());
        }
    }

    /** A new user; without a password they cannot sign in until an administrator sets one. */
    record NewUserBody(
            @Schema(example = "jo.bloggs@northbrook.gov.uk") String email,
            @Schema(example = "Jo Bloggs") String name,
            @Schema(description = "At least 12 characters; leave out to create the user without one")
                    String password) {}

    /** A role and where it applies: one of a unit's code, a partnership's code, or everything. */
    record RoleRequest(
            @Schema(example = "indicator_owner") String role,
            @Schema(example = "NDC-WASTE") String unit,
            String partnership,
            Boolean everything) {

        boolean everywhere() {
            return Boolean.TRUE.equals(everything);
        }
    }

    private final UserAccounts accounts;

    UsersApi(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "Every user, with the roles they hold and where")
    List<UserBody> users() {
        return accounts.listed().stream().map(UserBody::of).toList();
    }

    @GetMapping("/api/v1/users/{email}")
    @Operation(summary = "One user, by email address")
    UserBody user(@PathVariable String email) {
        return UserBody.of(accounts.listed(email));
    }

    @PostMapping(value = "/api/v1/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a user",
            description = "201 with the user. Refused with 422 and every problem in errors[field, message].")
    ResponseEntity<UserBody> create(@RequestBody NewUserBody body) {
        accounts.createUser(body.email(), body.name(), body.password());
        UserBody created = UserBody.of(accounts.listed(body.email()));
        return ResponseEntity.created(location(created.email())).body(created);
    }

    @PostMapping(value = "/api/v1/users/{email}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Give a user a role",
            description = "JSON role and one of unit (a unit's code), partnership (a partnership's code) or"
                    + " everything: true. 201 with the role given; 200 with it if the user already held it.")
    ResponseEntity<RoleBody> assign(@PathVariable String email, @RequestBody RoleRequest body) {
        UserAccounts.Account account = account(email);
        boolean held = accounts.assignment(
                        account.id(), body.role(), body.unit(), body.partnership(), body.everywhere())
                .isPresent();
        RoleAssignment assignment =
                accounts.assign(account.id(), body.role(), body.unit(), body.partnership(), body.everywhere());
        RoleBody role = RoleBody.of(accounts.held(assignment));
        return held
                ? ResponseEntity.ok(role)
                : ResponseEntity.created(URI.create(location(account.email()) + "/roles/" + role.id()))
                        .body(role);
    }

    @DeleteMapping("/api/v1/users/{email}/roles/{assignmentId}")
    @Operation(summary = "Take a role away, by the id the user's roles list shows")
    ResponseEntity<Void> unassign(@PathVariable String email, @PathVariable long assignmentId) {
        accounts.unassign(account(email).id(), assignmentId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(value = "/api/v1/users/{email}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Take a role away, named as when it was given: role and unit, partnership or everything")
    ResponseEntity<Void> unassign(@PathVariable String email, @RequestBody RoleRequest body) {
        UserAccounts.Account account = account(email);
        RoleAssignment assignment = accounts.assignment(
                        account.id(), body.role(), body.unit(), body.partnership(), body.everywhere())
                .orElseThrow(() -> new NotFound("That role of user " + account.email()));
        accounts.unassign(account.id(), assignment.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(
            value = "/api/v1/users/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(
            summary = "Import users and their roles from CSV",
            description = "Columns email, name, role and one of unit, partnership or everything (yes), one row per"
                    + " role. Creates missing users without a password and gives missing roles. All or nothing:"
                    + " refused with 422 and every error as errors[row, column, message], the header being row 1."
                    + " With dryRun=true nothing is written.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    UserImportSummary importUsers(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return accounts.importUsers(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), dryRun);
    }

    private UserAccounts.Account account(String email) {
        return accounts.accountByEmail(email).orElseThrow(() -> new NotFound("User " + email));
    }

    private static URI location(String email) {
        return URI.create("/api/v1/users/" + UriUtils.encodePathSegment(email, StandardCharsets.UTF_8));
    }
}
