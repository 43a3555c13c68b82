package org.creatorarchiver.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a child's stdout completely, keeping at most {@code limit} bytes. Past the limit it tells
 * {@code onOverflow} once (which stops the child) and keeps draining, so the child never blocks on a full pipe.
 */
final class HeadCapture implements Runnable {

    private final InputStream in;
    private final int limit;
    private final Runnable onOverflow;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private volatile boolean overflowed;

    HeadCapture(InputStream in, int limit, Runnable onOverflow) {
        this.in = in;
        this.limit = limit;
        this.onOverflow = onOverflow;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                int room = limit - kept.size();
                kept.write(buffer, 0, Math.min(room, read));
                if (read > room && !overflowed) {
                    overflowed = true;
                    onOverflow.run();
                }
            }
        } catch (IOException e) {
            // The pipe closes under us when the child is killed: what was read so far is all there is.
        }
    }

    boolean overflowed() {
        return overflowed;
    }

    /** Call after the reading thread ended. */
    String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
