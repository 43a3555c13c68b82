package org.creatorarchiver.patreon.creator;

import org.creatorarchiver.queue.JobFailure;

/** Patreon has no such creator (or the user or page has no campaign). Not retried: the source is {@code not_found}. */
public class CreatorNotFoundException extends JobFailure {

    public CreatorNotFoundException(String reason) {
        super(PERMANENT, reason, null);
    }
}
