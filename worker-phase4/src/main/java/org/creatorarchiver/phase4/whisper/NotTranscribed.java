package org.creatorarchiver.phase4.whisper;

/**
 * Nothing may be sent for this transcript, and no retry changes that: the recording is over its duration limit once
 * measured, or there is no audio to send. The transcript ends {@code skipped} with the message as its reason.
 */
public final class NotTranscribed extends Exception {

    public NotTranscribed(String reason) {
        super(reason, null, false, false);
    }
}
