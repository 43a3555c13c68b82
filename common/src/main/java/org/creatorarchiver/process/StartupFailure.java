package org.creatorarchiver.process;

import java.util.function.Supplier;
import org.creatorarchiver.db.DatabaseException;
import org.creatorarchiver.redis.RedisUrl;

/**
 * Turns a failure to reach a service at start-up into one line on stderr naming it (never a password) and
 * exit status {@value #EXIT_SERVICE_UNAVAILABLE}, instead of a stack trace.
 */
public final class StartupFailure extends RuntimeException {

    public static final int EXIT_SERVICE_UNAVAILABLE = 3;

    private StartupFailure(String message) {
        super(message, null, false, false);
    }

    /** Connects to Redis with {@code connect}, naming the masked URL if that fails. */
    static <T> T redis(RedisUrl url, Supplier<T> connect) {
        try {
            return connect.get();
        } catch (RuntimeException e) {
            throw new StartupFailure("cannot connect to Redis at " + url + ": " + firstLine(rootCause(e)));
        }
    }

    static <T> T exitOnFailure(Supplier<T> start) {
        try {
            return start.get();
        } catch (StartupFailure | DatabaseException e) {
            System.err.println("start-up error: " + e.getMessage());
            System.err.flush();
            System.exit(EXIT_SERVICE_UNAVAILABLE);
            throw e;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
