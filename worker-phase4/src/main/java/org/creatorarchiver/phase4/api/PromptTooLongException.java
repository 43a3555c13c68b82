package org.creatorarchiver.phase4.api;

import org.creatorarchiver.queue.JobFailure;

/**
 * The chat API refused a prompt as longer than the model's context ({@code context_length_exceeded}): the caller
 * summarizes the text in smaller parts instead; uncaught, it fails the job for good, since the same prompt would be
 * refused again.
 */
public final class PromptTooLongException extends JobFailure {

    PromptTooLongException(String reason) {
        super(PERMANENT, reason, null);
    }
}
