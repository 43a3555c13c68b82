package org.creatorarchiver.patreon;

import org.creatorarchiver.queue.JobFailure;

/**
 * Patreon answered 2xx with a body we cannot read (not JSON, or not the JSON:API shape we need). A retry: a later
 * attempt may get a good answer; after the retries the job is dead-lettered with this message, which names the URL
 * (credentials masked) and the problem.
 */
public class MalformedResponseException extends JobFailure {

    public MalformedResponseException(String source, String problem) {
        this(source, problem, null);
    }

    public MalformedResponseException(String source, String problem, Throwable cause) {
        super(RETRY, "malformed response from " + source + ": " + problem, cause);
    }
}
