package org.beaconpm.actions;

/**
 * One lead of an action, as written ({@code JJ}, {@code Head of Housing}, an email address), with the Beacon user it
 * names if it names one ({@code userId}, {@code userName}) and what the plan's glossary says it stands for.
 */
public record Lead(String written, Long userId, String userName, String glossary) {

    /** The lead as a reader sees it: JJ (Jane Jones, Director of Corporate Services), or the user's name. */
    public String display() {
        if (glossary != null) {
            return written + " (" + glossary + ")";
        }
        if (userName != null && !userName.equalsIgnoreCase(written)) {
            return userName;
        }
        return written;
    }
}
