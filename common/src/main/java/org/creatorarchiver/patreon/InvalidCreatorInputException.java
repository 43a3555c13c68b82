package org.creatorarchiver.patreon;

/** Input that names no creator; the message quotes the input and says why, in one line. */
public final class InvalidCreatorInputException extends IllegalArgumentException {

    public InvalidCreatorInputException(String message) {
        super(message);
    }
}
