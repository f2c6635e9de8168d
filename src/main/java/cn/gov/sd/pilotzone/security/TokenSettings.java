package cn.gov.sd.pilotzone.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.security.token.*}: API tokens (docs/api-tokens.md). {@code secret} signs them (HMAC-SHA256, at least
 * 32 bytes, Base64); every node of one hub must share it. Left empty, each start makes a random one: tokens then
 * hold on the node that issued them and only until it restarts.
 */
@ConfigurationProperties("hub.security.token")
record TokenSettings(@DefaultValue("PT15M") Duration ttl, String secret) {

    TokenSettings {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("hub.security.token.ttl must be positive and at most PT12H");
        }
    }
}
