package org.beaconpm.actions;

/** One line of a plan's glossary of initials: {@code JJ} is Jane Jones, Director of Corporate Services. */
public record Initials(String initials, String name, String role) {

    /** The name with the role: Jane Jones, Director of Corporate Services. */
    public String description() {
        return role == null || role.isBlank() ? name : name + ", " + role;
    }
}
