package org.creatorarchiver.orchestrator.api;

/** A request the API refuses with 400 and this message (e.g. {@code limit=0: must be between 1 and 1000}). */
public final class BadRequestException extends Exception {

    public BadRequestException(String message) {
        super(message, null, false, false);
    }
}
