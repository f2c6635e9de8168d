package cn.gov.sd.pilotzone.zone;

import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/**
 * An ISO 8601 duration as the zone settings and Flowable's timers use it: calendar parts ({@code P3M}, a quarter)
 * as well as clock parts ({@code PT2S}, for tests), which {@link java.time.Duration} alone cannot express.
 */
record IsoDuration(String text) {

    private static final DatatypeFactory FACTORY;

    static {
        try {
            FACTORY = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public IsoDuration {
        Duration d;
        try {
            d = FACTORY.newDuration(text == null ? "" : text.strip());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("not an ISO 8601 duration (P3M, P10D, PT2S): " + text);
        }
        if (d.getSign() < 0) {
            throw new IllegalArgumentException("negative duration: " + text);
        }
        text = text.strip();
    }

    /** Null or blank → null: an unset optional duration. */
    public static IsoDuration ofNullable(String text) {
        return text == null || text.isBlank() ? null : new IsoDuration(text);
    }

    public Instant after(Instant t) {
        return add(t, FACTORY.newDuration(text));
    }

    public Instant before(Instant t) {
        return add(t, FACTORY.newDuration(text).negate());
    }

    private static Instant add(Instant t, Duration d) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(t.toEpochMilli());
        d.addTo(c);
        return c.toInstant();
    }

    /** The Flowable timer cycle that repeats this duration until its activity ends. */
    public String cycle() {
        return "R/" + text;
    }

    @Override
    public String toString() {
        return text;
    }
}
