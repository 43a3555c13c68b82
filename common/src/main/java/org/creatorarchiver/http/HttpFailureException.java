package org.creatorarchiver.http;

/**
 * A classified HTTP failure. {@link TransientHttpException}: a later job attempt may succeed (reschedule, honouring
 * {@link TransientHttpException#retryAfter()}); {@link PermanentHttpException}: record {@link #getMessage()} on the row.
 * The message is the failure's one-line description and never contains the session cookie.
 */
public abstract sealed class HttpFailureException extends Exception
        permits TransientHttpException, PermanentHttpException {

    private final HttpFailure failure;

    HttpFailureException(HttpFailure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    public static HttpFailureException of(HttpFailure failure) {
        return of(failure, null);
    }

    public static HttpFailureException of(HttpFailure failure, Throwable cause) {
        return failure.retryable()
                ? new TransientHttpException(failure, cause)
                : new PermanentHttpException(failure, cause);
    }

    public HttpFailure failure() {
        return failure;
    }

    public FailureKind kind() {
        return failure.kind();
    }

    public boolean retryable() {
        return failure.retryable();
    }
}
