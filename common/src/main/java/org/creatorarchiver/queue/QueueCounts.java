package org.creatorarchiver.queue;

/** The jobs of one queue by where they are; {@code processing} is summed over all workers. */
public record QueueCounts(long ready, long delayed, long processing, long dead) {

    public long total() {
        return ready + delayed + processing + dead;
    }
}
