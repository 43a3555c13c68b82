package org.creatorarchiver.patreon.content;

/**
 * A post's text cannot be read: its {@code content_json_string} is not JSON, not a TipTap document, or nested too
 * deeply. Permanent for that version of the post (fetching it again gives the same bytes), so the caller records
 * the message on the post instead of retrying.
 */
public class MalformedContentException extends Exception {

    private final String problem;

    /**
     * @param subject what was being read, e.g. {@code post 150000006 content_json_string}
     * @param problem what is wrong with it, in a few words
     */
    public MalformedContentException(String subject, String problem) {
        this(subject, problem, null);
    }

    public MalformedContentException(String subject, String problem, Throwable cause) {
        super(subject + ": " + problem, cause);
        this.problem = problem;
    }

    /** The problem without the subject, for re-raising under a more precise subject. */
    public String problem() {
        return problem;
    }
}
