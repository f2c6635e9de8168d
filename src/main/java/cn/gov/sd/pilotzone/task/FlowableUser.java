package cn.gov.sd.pilotzone.task;

import java.util.function.Supplier;

import org.flowable.common.engine.impl.identity.Authentication;

/**
 * Runs engine calls as a hub user, so that Flowable records who did them (the author of a comment or a file,
 * the user of history entries). Flowable keeps that user in a thread-local of its own that nothing fills from
 * Spring Security here: without this, comments are stored without an author.
 */
final class FlowableUser {

    private FlowableUser() {
    }

    static <T> T as(String username, Supplier<T> work) {
        String previous = Authentication.getAuthenticatedUserId();
        Authentication.setAuthenticatedUserId(username);
        try {
            return work.get();
        } finally {
            Authentication.setAuthenticatedUserId(previous);
        }
    }

    static void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
