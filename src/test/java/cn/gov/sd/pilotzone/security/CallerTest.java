package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void clerkWorksOnlyTheirBureausTasks() {
        Caller clerk = new Caller("gxj", Role.CLERK, "gxj");

        assertThat(clerk.candidateGroups()).containsExactly("gxj");
        assertThat(clerk.seesEverything()).isFalse();
        assertThat(clerk.isClerk()).isTrue();
    }

    @Test
    void supervisorSeesEverythingButWorksOnlySupervisionTasks() {
        Caller supervisor = new Caller("supervisor", Role.SUPERVISOR, "supervisor");

        assertThat(supervisor.candidateGroups()).containsExactly(Caller.SUPERVISOR_GROUP);
        assertThat(supervisor.seesEverything()).isTrue();
        assertThat(supervisor.isClerk()).isFalse();
    }

    @Test
    void supervisorsGroupDoesNotDependOnTheirBureau() {
        assertThat(new Caller("s2", Role.SUPERVISOR, null).candidateGroups()).containsExactly("supervisor");
    }

    @Test
    void adminAndSystemAreNotRestrictedToAnyGroup() {
        for (Role role : new Role[] {Role.ADMIN, Role.SYSTEM}) {
            Caller caller = new Caller("x", role, null);
            assertThat(caller.candidateGroups()).as(role.name()).isEmpty();
            assertThat(caller.seesEverything()).as(role.name()).isTrue();
            assertThat(caller.isClerk()).as(role.name()).isFalse();
        }
    }

    @Test
    void clerkWithoutBureauIsRefused() {
        assertThatThrownBy(() -> new Caller("nobody", Role.CLERK, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void systemCallerForBackgroundWork() {
        Caller caller = Caller.system("camel");

        assertThat(caller.role()).isEqualTo(Role.SYSTEM);
        assertThat(caller.seesEverything()).isTrue();
    }

    @Test
    void rolesMapToSpringAuthorities() {
        assertThat(Role.CLERK.authority()).isEqualTo("ROLE_CLERK");
        assertThat(Role.fromAuthority("ROLE_SYSTEM")).contains(Role.SYSTEM);
        assertThat(Role.fromAuthority("ROLE_USER")).isEmpty();
        assertThat(Role.fromAuthority("ADMIN")).isEmpty();
    }
}
