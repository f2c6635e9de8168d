package cn.gov.sd.pilotzone.security;

import java.util.ArrayList;
import java.util.List;

import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.registry.Bureau;
import cn.gov.sd.pilotzone.registry.BureauDirectory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of docs/api.md: those of {@code config/demo-users.yml} and a clerk per bureau, named by its code.
 * Created during context start-up rather than by a runner, so they exist before the web server takes requests.
 * Existing accounts are left alone (a changed password stays changed), and two nodes starting together are fine:
 * the loser of an insert race gets a duplicate key and moves on.
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
class DemoAccounts implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** Bureaus of this type are supervision teams; their staff are the supervisor accounts of demo-users.yml. */
    private static final String SUPERVISION = "supervision";

    record File(List<DemoUser> users) {
    }

    record DemoUser(String username, Role role, String displayName, String bureau) {
    }

    private final ConfigFiles files;
    private final BureauDirectory bureaus;
    private final UserStore users;
    private final PasswordEncoder encoder;
    private final String password;

    DemoAccounts(ConfigFiles files, BureauDirectory bureaus, UserStore users, PasswordEncoder encoder,
                 @Value("${hub.demo.password:demo}") String password) {
        this.files = files;
        this.bureaus = bureaus;
        this.users = users;
        this.encoder = encoder;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        create();
    }

    void create() {
        List<HubUser> missing = accounts().stream().filter(u -> users.find(u.username()).isEmpty()).toList();
        if (missing.isEmpty()) {
            return;
        }
        // One hash for all: the demo password is documented, so per-account salts would protect nothing, and
        // seventy BCrypt rounds would add seconds to every first start and every test context.
        String hash = encoder.encode(password);
        long created = missing.stream().filter(u -> users.insert(u, hash)).count();
        log.info("Created {} demo accounts", created);
    }

    List<HubUser> accounts() {
        List<HubUser> accounts = new ArrayList<>();
        for (DemoUser u : files.read("demo-users.yml", File.class).users()) {
            if (u.bureau() != null && !bureaus.exists(u.bureau())) {
                throw new ConfigFiles.InvalidConfigException(files.dir().resolve("demo-users.yml"), 0,
                        "user " + u.username() + ": unknown bureau " + u.bureau());
            }
            accounts.add(new HubUser(u.username(), u.role(), u.bureau(), u.displayName()));
        }
        for (Bureau b : bureaus.all()) {
            if (!SUPERVISION.equals(b.type())) {
                accounts.add(new HubUser(b.code(), Role.CLERK, b.code(), b.name() + "经办人"));
            }
        }
        return accounts;
    }
}
