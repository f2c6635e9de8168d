package cn.gov.sd.pilotzone.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps are stored as UTC wall-clock {@code TIMESTAMP(3)} on every database: the hub binds
 * {@link LocalDateTime} in UTC so neither the JVM's nor the session's zone can shift them.
 */
public final class Utc {

    private Utc() {
    }

    public static LocalDateTime of(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
