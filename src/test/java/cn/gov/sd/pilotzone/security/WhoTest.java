package cn.gov.sd.pilotzone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;

import cn.gov.sd.pilotzone.registry.BureauNames;
import cn.gov.sd.pilotzone.ui.UiFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class WhoTest {

    private final UserStore users = mock(UserStore.class);
    private final Who who = new Who(users, mock(UiFormat.class), mock(BureauNames.class));

    WhoTest() {
        when(users.find("county-370705")).thenReturn(Optional.of(
                new HubUser("county-370705", Role.CLERK, "county-370705", "奎文区经办人")));
        when(users.find("gone")).thenReturn(Optional.empty());
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aPageNamingThePersonThreeTimesLooksThemUpOnce() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        for (int i = 0; i < 3; i++) {
            assertThat(who.name("county-370705")).isEqualTo("奎文区经办人");
            assertThat(who.name("gone")).as("an account that no longer exists keeps its name").isEqualTo("gone");
        }

        verify(users, times(1)).find("county-370705");
        verify(users, times(1)).find("gone");
    }

    @Test
    void eachRequestAndWorkOutsideRequestsLookUpAnew() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        who.name("county-370705");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        who.name("county-370705");
        RequestContextHolder.resetRequestAttributes();
        who.name("county-370705");
        who.name("county-370705");

        verify(users, times(4)).find("county-370705");
    }
}
