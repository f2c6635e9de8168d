package cn.gov.sd.pilotzone.security;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The lookups other modules make in the accounts: a person by name, a bureau's clerks (to hand a task to), where a
 * person's or a bureau's notices are mailed. Accounts are made and changed only here in {@code security}.
 */
@Component
public class Accounts {

    private final UserStore users;

    Accounts(UserStore users) {
        this.users = users;
    }

    public Optional<HubUser> find(String username) {
        return users.find(username);
    }

    /** The enabled clerks of a bureau, by name: whom a task of that bureau can be handed to. */
    public List<HubUser> clerksOf(String bureauCode) {
        return users.clerksOf(bureauCode);
    }

    /** The mail addresses of a person, or of a bureau's (candidate group's) enabled accounts. */
    public List<String> mailAddresses(String username, String bureauCode) {
        return users.mailAddresses(username, bureauCode);
    }
}
