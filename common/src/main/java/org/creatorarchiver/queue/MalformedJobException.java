package org.creatorarchiver.queue;

/** A string in a queue that is not a job this code can read (hand-written, truncated or from another program). */
public class MalformedJobException extends IllegalArgumentException {

    public MalformedJobException(String message) {
        super(message);
    }

    public MalformedJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
