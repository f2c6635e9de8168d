package cn.gov.sd.pilotzone.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * API tokens (docs/api-tokens.md): a client logs in once with HTTP Basic at {@code POST /api/token} and gets a
 * short-lived JWT (HS256, issuer and audience {@value #AUDIENCE}); later requests send it as
 * {@code Authorization: Bearer …} and Spring Security's resource server checks signature, expiry, issuer and
 * audience, which costs microseconds where a BCrypt check of the password costs tens of milliseconds. A valid
 * token still names an account: it is looked up on every request (one indexed query), so a locked or disabled
 * account stops working at once, and its role and bureau are the account's, as with a password.
 */
@Component
class ApiTokens {

    static final String AUDIENCE = "pilot-zone-hub";
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);

    private final TokenSettings settings;
    private final UserDetailsService users;
    private final Clock clock;
    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;

    ApiTokens(TokenSettings settings, UserDetailsService users, Clock clock) {
        this.settings = settings;
        this.users = users;
        this.clock = clock;
        SecretKey key = new SecretKeySpec(secret(settings), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ofSeconds(30));
        expiry.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(expiry,
                JwtValidators.createDefaultWithIssuer(AUDIENCE), ApiTokens::forThisHub)));
    }

    private static byte[] secret(TokenSettings settings) {
        if (settings.secret() == null || settings.secret().isBlank()) {
            LOG.warn("hub.security.token.secret is not set: API tokens are signed with a random key of this start, "
                    + "valid on this node only and until it restarts (docs/api-tokens.md)");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
        byte[] secret = Base64.getDecoder().decode(settings.secret().strip());
        if (secret.length < 32) {
            throw new IllegalArgumentException("hub.security.token.secret must be at least 32 bytes (Base64)");
        }
        return secret;
    }

    private static OAuth2TokenValidatorResult forThisHub(Jwt jwt) {
        return jwt.getAudience() != null && jwt.getAudience().contains(AUDIENCE) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not a token for this hub", null));
    }

    /** A token for the account given, valid for {@code hub.security.token.ttl} from now. */
    Issued issue(String username) {
        return new Issued(sign(claims(username, clock.instant()).build()), "Bearer", settings.ttl().toSeconds());
    }

    /** A token's claims, issued at the time given (tests make expired tokens with an earlier one). */
    JwtClaimsSet.Builder claims(String username, Instant issuedAt) {
        return JwtClaimsSet.builder().issuer(AUDIENCE).audience(List.of(AUDIENCE)).subject(username)
                .issuedAt(issuedAt).expiresAt(issuedAt.plus(settings.ttl()));
    }

    String sign(JwtClaimsSet claims) {
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    /** The answer of {@code POST /api/token}, named as OAuth2's token responses are (RFC 6749 §5.1). */
    record Issued(@JsonProperty("access_token") String accessToken,
                  @JsonProperty("token_type") String tokenType,
                  @JsonProperty("expires_in") long expiresIn) {
    }

    /** Bearer tokens in the hub's one filter chain: checked here, refused with the API's JSON 401. */
    void configure(OAuth2ResourceServerConfigurer<?> resourceServer, AuthenticationEntryPoint entryPoint) {
        resourceServer.authenticationEntryPoint(entryPoint)
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(this::authenticate));
    }

    /** The token's account as the principal, with its role, as a password login makes it. */
    private AbstractAuthenticationToken authenticate(Jwt jwt) {
        UserDetails user;
        try {
            user = users.loadUserByUsername(jwt.getSubject());
        } catch (UsernameNotFoundException e) {
            throw new InvalidBearerTokenException("the token's account does not exist");
        }
        if (!user.isEnabled()) {
            throw new DisabledException("account disabled");
        }
        if (!user.isAccountNonLocked()) {
            throw new LockedException("account locked");
        }
        return new TokenAuthentication(user, jwt);
    }

    /** An account authenticated by a token: {@link Callers} reads its principal as after a password login. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private static final long serialVersionUID = 1L;

        private final transient UserDetails user;
        private final transient Jwt jwt;

        TokenAuthentication(UserDetails user, Jwt jwt) {
            super(user.getAuthorities());
            this.user = user;
            this.jwt = jwt;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return jwt;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }

        @Override
        public String getName() {
            return user.getUsername();
        }
    }
}
