package org.creatorarchiver.orchestrator.transcripts;

/**
 * No transcript to show: the video is unknown, or it has no completed transcript (the message says which, and the
 * transcript's status when there is one). The CLI exits 1 with it, the API answers 404.
 */
public final class TranscriptNotFoundException extends Exception {

    TranscriptNotFoundException(String message) {
        super(message, null, false, false);
    }
}
