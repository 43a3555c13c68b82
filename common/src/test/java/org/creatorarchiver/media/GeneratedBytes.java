package org.creatorarchiver.media;

import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * A stream of {@code length} pseudo-random bytes made on the fly from a seed (splitmix64 over a counter): any size
 * without holding it, and the same bytes each time for the same seed, whatever the read sizes.
 */
final class GeneratedBytes extends InputStream {

    private static final int BLOCK_BYTES = 8 * 1024;

    private final long length;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES);
    private long counter;
    private long position;

    GeneratedBytes(long length, long seed) {
        this.length = length;
        this.counter = seed;
        block.position(BLOCK_BYTES);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (position >= this.length) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        if (!block.hasRemaining()) {
            refill();
        }
        int count = (int) Math.min(Math.min(length, block.remaining()), this.length - position);
        block.get(target, offset, count);
        position += count;
        return count;
    }

    private void refill() {
        block.clear();
        while (block.hasRemaining()) {
            block.putLong(mix(counter++));
        }
        block.flip();
    }

    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
