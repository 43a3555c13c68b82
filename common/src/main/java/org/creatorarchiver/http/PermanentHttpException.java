package org.creatorarchiver.http;

import org.creatorarchiver.queue.NotRetryable;

/** A failure that retrying cannot heal (401, 403, 404, 426, 400, Cloudflare challenge): record it, do not retry. */
public final class PermanentHttpException extends HttpFailureException implements NotRetryable {

    PermanentHttpException(HttpFailure failure, Throwable cause) {
        super(failure, cause);
    }
}
