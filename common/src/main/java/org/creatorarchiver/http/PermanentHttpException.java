package org.creatorarchiver.http;

/** A failure that retrying cannot heal (401, 403, 404, 426, 400, Cloudflare challenge): record it, do not retry. */
public final class PermanentHttpException extends HttpFailureException {

    PermanentHttpException(HttpFailure failure, Throwable cause) {
        super(failure, cause);
    }
}
