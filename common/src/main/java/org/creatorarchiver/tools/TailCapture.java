package org.creatorarchiver.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a child's stderr completely and keeps its last {@code capacity} bytes: a tool's error is at the end, and a
 * long run's chatter must not fill the heap.
 */
final class TailCapture implements Runnable {

    private final InputStream in;
    private final byte[] ring;
    private long total;

    TailCapture(InputStream in, int capacity) {
        this.in = in;
        this.ring = new byte[capacity];
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8 * 1024];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                append(buffer, read);
            }
        } catch (IOException e) {
            // The pipe closes under us when the child is killed: the tail read so far is what we report.
        }
    }

    private synchronized void append(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) ((total + i) % ring.length)] = buffer[i];
        }
        total += length;
    }

    /**
     * The kept bytes as text. When older output was dropped, the text starts at the first whole line of what is
     * left (never in the middle of a character) after a "[…]" marker.
     */
    synchronized String text() {
        int kept = (int) Math.min(total, ring.length);
        byte[] bytes = new byte[kept];
        long start = total - kept;
        for (int i = 0; i < kept; i++) {
            bytes[i] = ring[(int) ((start + i) % ring.length)];
        }
        if (total <= ring.length) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        int firstLine = 0;
        while (firstLine < bytes.length && bytes[firstLine] != '\n') {
            firstLine++;
        }
        int from = firstLine < bytes.length ? firstLine + 1 : 0;
        return "[…]\n" + new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }
}
