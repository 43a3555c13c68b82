package org.creatorarchiver.phase4.api;

import org.creatorarchiver.queue.JobFailure;

/**
 * The transcription API refused an upload as too large (413). The caller splits the audio into smaller chunks and
 * sends them instead; uncaught, it fails the job for good, since the same upload would be refused again.
 */
public final class AudioTooLargeException extends JobFailure {

    AudioTooLargeException(String reason) {
        super(PERMANENT, reason, null);
    }
}
