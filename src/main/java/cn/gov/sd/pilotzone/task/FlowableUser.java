package cn.gov.sd.pilotzone.task;

import java.util.function.Supplier;

import org.flowable.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as a hub user, so that Flowable records who did them (the author of a comment or a file,
 * the user of history entries). Flowable keeps that user in a thread-local of its own that nothing fills from
 * Spring Security here: without this, comments are stored without an author. The engine's own user is only ever
 * set here, for the length of one call, so it is cleared afterwards.
 */
@Component
class FlowableUser {

    private final IdentityService identity;

    FlowableUser(IdentityService identity) {
        this.identity = identity;
    }

    <T> T as(String username, Supplier<T> work) {
        identity.setAuthenticatedUserId(username);
        try {
            return work.get();
        } finally {
            identity.setAuthenticatedUserId(null);
        }
    }

    void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
