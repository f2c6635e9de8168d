package cn.gov.sd.pilotzone.common;

/**
 * Something the caller asked for that does not exist for them (a task of another bureau is the same as none, so
 * neither leaks): the API answers 404, pages the not-found page. Features extend it, so the error handling of the
 * API and the pages needs to know none of them.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
