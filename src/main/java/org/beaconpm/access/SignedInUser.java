package org.beaconpm.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The person behind a request, with the roles they hold and where they hold them. */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final String email;
    private final String name;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final List<RoleAssignment> assignments;

    SignedInUser(
            long id,
            String email,
            String name,
            String passwordHash,
            boolean enabled,
            boolean locked,
            List<RoleAssignment> assignments) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.assignments = List.copyOf(assignments);
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public List<RoleAssignment> assignments() {
        return assignments;
    }

    public Set<Role> roles() {
        return assignments.stream().map(RoleAssignment::role).collect(Collectors.toSet());
    }

    public boolean has(Role role) {
        return roles().contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return email;
    }
}
