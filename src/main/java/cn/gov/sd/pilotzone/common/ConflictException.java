package cn.gov.sd.pilotzone.common;

/**
 * A request that contradicts the state of what it acts on (a known application id, a case not in the step the
 * request needs, a lifecycle already running): the API answers 409 with the message. Features extend it, so the
 * API's error handling needs to know none of them.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
