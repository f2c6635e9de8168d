package cn.gov.sd.pilotzone.security;

import java.util.ArrayList;
import java.util.List;

import cn.gov.sd.pilotzone.audit.AuditTrail;
import cn.gov.sd.pilotzone.audit.AuditType;
import cn.gov.sd.pilotzone.common.ConfigFiles;
import cn.gov.sd.pilotzone.registry.Bureau;
import cn.gov.sd.pilotzone.registry.BureauDirectory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of docs/api.md: those of {@code config/demo-users.yml} and a clerk per bureau, named by its code.
 * With {@code hub.demo.enabled} they are created during context start-up rather than by a runner, so they exist
 * before the web server takes requests. Existing accounts keep their password (a changed password stays changed),
 * and two nodes starting together are fine: the loser of an insert race gets a duplicate key and moves on.
 * <p>
 * Without demo data, no demo account may log in, whatever the database kept from an earlier demo run
 * (docs/security.md): the accounts marked as demo ones, and the accounts of a demo name that still have the demo
 * password (made before the mark existed), are disabled at start-up, with a warning naming them.
 */
@Component
class DemoAccounts implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** Bureaus of this type are supervision teams; their staff are the supervisor accounts of demo-users.yml. */
    private static final String SUPERVISION = "supervision";

    record File(List<DemoUser> users) {
    }

    record DemoUser(String username, Role role, String displayName, String bureau, String email) {
    }

    private final ConfigFiles files;
    private final BureauDirectory bureaus;
    private final UserStore users;
    private final PasswordEncoder encoder;
    private final String password;
    private final boolean enabled;
    private final AuditTrail audit;

    DemoAccounts(ConfigFiles files, BureauDirectory bureaus, UserStore users, PasswordEncoder encoder,
                 @Value("${hub.demo.password:demo}") String password,
                 @Value("${hub.demo.enabled:false}") boolean enabled, AuditTrail audit) {
        this.files = files;
        this.bureaus = bureaus;
        this.users = users;
        this.encoder = encoder;
        this.password = password;
        this.enabled = enabled;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled) {
            create();
        } else {
            disable();
        }
    }

    /** Disables what an earlier demo run left; the names disabled. */
    List<String> disable() {
        List<String> names = accounts().stream().map(HubUser::username).toList();
        List<String> disabled = users.disableDemoAccounts(names, hash -> encoder.matches(password, hash));
        if (!disabled.isEmpty()) {
            log.warn("Demo data is off (hub.demo.enabled=false): disabled {} demo accounts left by an earlier demo"
                    + " run, none of them can log in: {}", disabled.size(), disabled);
            audit.record(AuditTrail.HUB, AuditType.ACCOUNTS_DISABLED, String.join(",", disabled),
                    "demo data is off; demo accounts disabled");
        }
        return disabled;
    }

    void create() {
        users.markDemo(accounts().stream().map(HubUser::username).toList());
        List<HubUser> missing = accounts().stream().filter(u -> users.find(u.username()).isEmpty()).toList();
        if (missing.isEmpty()) {
            return;
        }
        // One hash for all: the demo password is documented, so per-account salts would protect nothing, and
        // seventy BCrypt rounds would add seconds to every first start and every test context.
        String hash = encoder.encode(password);
        long created = missing.stream().filter(u -> users.insertDemo(u, hash)).count();
        // notices are mailed to these addresses when spring.mail.host is set (docs/notices.md)
        for (DemoUser u : files.read("demo-users.yml", File.class).users()) {
            if (u.email() != null && missing.stream().anyMatch(m -> m.username().equals(u.username()))) {
                users.setEmail(u.username(), u.email());
            }
        }
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
