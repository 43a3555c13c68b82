package org.creatorarchiver.patreon;

/**
 * Patreon answered 2xx with a body we cannot read (not JSON, or not the JSON:API shape we need). Transient: a later
 * attempt may get a good answer; after the retries the job is dead-lettered with this message, which names the URL
 * (credentials masked) and the problem.
 */
public class MalformedResponseException extends Exception {

    public MalformedResponseException(String source, String problem) {
        super("malformed response from " + source + ": " + problem);
    }

    public MalformedResponseException(String source, String problem, Throwable cause) {
        super("malformed response from " + source + ": " + problem, cause);
    }
}
