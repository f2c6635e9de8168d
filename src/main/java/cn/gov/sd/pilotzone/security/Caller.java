package cn.gov.sd.pilotzone.security;

import java.util.List;
import java.util.Objects;

/**
 * Who is asking: the account, its role and, for clerks, its bureau. Controllers take it as a method argument
 * ({@code list(Caller caller)}); other code asks {@link Callers#current()}.
 * <p>
 * Two different questions: {@link #candidateGroups()} is whose tasks the caller <em>works</em>,
 * {@link #seesEverything()} is whether they may <em>look at</em> every bureau's work. A supervisor looks at all
 * but works only the supervision tasks.
 */
public record Caller(String username, Role role, String bureauCode) {

    /** The candidate group of the supervision team's tasks in the processes. */
    public static final String SUPERVISOR_GROUP = "supervisor";

    public Caller {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if (role == Role.CLERK && bureauCode == null) {
            throw new IllegalArgumentException("clerk " + username + " has no bureau");
        }
    }

    /** For work that no request started (timers, file feeds): acts with a system account's rights. */
    public static Caller system(String name) {
        return new Caller(name, Role.SYSTEM, null);
    }

    /**
     * The Flowable candidate groups whose tasks this caller works. Empty for administrators and system accounts,
     * meaning "no restriction", not "none": they work any task, so check {@link #seesEverything()} or the role
     * before passing this to a task query (Flowable rejects an empty group list).
     */
    public List<String> candidateGroups() {
        return switch (role) {
            case CLERK -> List.of(bureauCode);
            case SUPERVISOR -> List.of(SUPERVISOR_GROUP);
            case ADMIN, SYSTEM -> List.of();
        };
    }

    /** Whether every bureau's tasks and applications are visible to this caller. */
    public boolean seesEverything() {
        return role != Role.CLERK;
    }

    public boolean isClerk() {
        return role == Role.CLERK;
    }
}
