package cn.gov.sd.pilotzone.common;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code hub.home} and {@code hub.data-dir} absolute and points Spring's config, Camel's routes and
 * Flowable's deployments at {@code ${hub.home}}, so that {@code java -jar … --hub.home=/srv/hub} works from any
 * working directory (README.md). Two phases: the config location must be known before config files are read, the
 * data directory only after (it may be set in {@code config/application.yml}).
 */
public final class HubHome {

    private HubHome() {
    }

    static Path home(ConfigurableEnvironment env) {
        return Path.of(env.getProperty("hub.home", System.getProperty("user.dir"))).toAbsolutePath().normalize();
    }

    /** Runs before config data is loaded: adds {@code ${hub.home}/config/} as a config location. */
    public static class ConfigLocation implements EnvironmentPostProcessor, Ordered {
        @Override
        public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
            Path config = home(env).resolve("config");
            if (!config.equals(Path.of("config").toAbsolutePath().normalize())
                    && env.getProperty("spring.config.additional-location") == null) {
                env.getPropertySources().addFirst(new MapPropertySource("hubHomeConfig",
                        Map.of("spring.config.additional-location", "optional:file:" + config + "/")));
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Runs after config data is loaded: absolute paths first, derived locations as overridable defaults. */
    public static class Paths implements EnvironmentPostProcessor, Ordered {
        @Override
        public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
            Path home = home(env);
            Path data = Path.of(env.getProperty("hub.data-dir", home.resolve("data").toString()));
            data = home.resolve(data).normalize();
            env.getPropertySources().addFirst(new MapPropertySource("hubHomePaths",
                    Map.of("hub.home", home.toString(), "hub.data-dir", data.toString())));
            Map<String, Object> defaults = new HashMap<>();
            defaults.put("camel.main.routes-include-pattern", "file:" + home.resolve("routes") + "/*.yaml");
            defaults.put("flowable.process-definition-location-prefix", "file:" + home.resolve("bpmn") + "/");
            defaults.put("hub.config-dir", home.resolve("config").toString());
            env.getPropertySources().addLast(new MapPropertySource("hubHomeDefaults", defaults));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
