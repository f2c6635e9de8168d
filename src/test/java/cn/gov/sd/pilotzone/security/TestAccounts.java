package cn.gov.sd.pilotzone.security;

import org.springframework.stereotype.Component;

/**
 * Accounts that tests of other packages make (a colleague to hand a task to, an account to lock out) and mail
 * addresses they set, through the package-private store; the application makes them only here in {@code security}.
 */
@Component
public class TestAccounts {

    private final UserStore users;

    TestAccounts(UserStore users) {
        this.users = users;
    }

    /** Creates the account unless one of that name exists; {@code false} if it did. */
    public boolean create(HubUser user, String rawPassword) {
        return users.create(user, rawPassword);
    }

    /** Where the person's notices are mailed; null or blank removes the address. */
    public void setEmail(String username, String email) {
        users.setEmail(username, email);
    }
}
