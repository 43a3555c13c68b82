package org.creatorarchiver.media;

import org.jooq.DSLContext;

/**
 * PostgreSQL advisory locks, one per content hash, that every store and release of those bytes takes, in any
 * process. Keys are two ints: a namespace for this class (two-key locks never collide with one-bigint ones), and the
 * first 32 bits of the hash (two hashes sharing them only wait for each other, which costs a little time, no
 * correctness).
 */
final class MediaFileLocks {

    /** "MEDI" in ASCII. */
    private static final int NAMESPACE = 0x4D454449;

    private MediaFileLocks() {}

    /** Held until the transaction of {@code tx} ends, commit or rollback. */
    static void lockForTransaction(DSLContext tx, String sha256) {
        tx.resultQuery("SELECT pg_advisory_xact_lock(?, ?)", NAMESPACE, key(sha256))
                .fetch();
    }

    /** Held by the connection of {@code session}, across transactions, until {@link #unlockSession}. */
    static void lockForSession(DSLContext session, String sha256) {
        session.resultQuery("SELECT pg_advisory_lock(?, ?)", NAMESPACE, key(sha256))
                .fetch();
    }

    /** @return false when the session did not hold the lock */
    static boolean unlockSession(DSLContext session, String sha256) {
        return Boolean.TRUE.equals(session.resultQuery("SELECT pg_advisory_unlock(?, ?)", NAMESPACE, key(sha256))
                .fetchOne(0, Boolean.class));
    }

    static int key(String sha256) {
        return Integer.parseUnsignedInt(MediaPaths.requireSha256(sha256).substring(0, 8), 16);
    }
}
