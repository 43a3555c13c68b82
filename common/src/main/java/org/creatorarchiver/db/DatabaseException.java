package org.creatorarchiver.db;

/**
 * The database could not be reached or prepared. The message is one line that names the database by its
 * redacted URL and never holds the password.
 */
public final class DatabaseException extends RuntimeException {

    DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Describes a failure in one line: what was attempted, on which database, and the most telling causes.
     * The cause is kept for its stack trace only when no message in its chain reveals a secret.
     */
    static DatabaseException of(String action, String redactedUrl, Throwable failure, Redaction redaction) {
        String message = action + " (" + redactedUrl + "): " + redaction.scrub(summary(failure));
        return new DatabaseException(message, revealsSecret(failure, redaction) ? null : failure);
    }

    /** The first line of the outermost message, followed by the root cause's when it adds something. */
    private static String summary(Throwable failure) {
        String outer = firstLine(failure);
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String inner = firstLine(root);
        if (root == failure || inner.isEmpty() || outer.contains(inner)) {
            return outer;
        }
        return outer.isEmpty() ? inner : outer + ": " + inner;
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        for (String line : message.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip().replaceAll("\\s+", " ");
            }
        }
        return "";
    }

    private static boolean revealsSecret(Throwable failure, Redaction redaction) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (redaction.reveals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
