package org.creatorarchiver.phase4.captions;

/**
 * A caption file that is neither valid WebVTT nor valid SRT. The message names the line and what is wrong with it,
 * so that a stored file can be inspected by hand.
 */
public final class MalformedCaptionsException extends IllegalArgumentException {

    private final int lineNumber;

    MalformedCaptionsException(int lineNumber, String problem) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + problem : problem);
        this.lineNumber = lineNumber;
    }

    /** The 1-based line the problem was found on; 0 when it concerns the whole file. */
    public int lineNumber() {
        return lineNumber;
    }
}
