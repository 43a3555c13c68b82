package org.creatorarchiver.queue;

import java.time.Clock;

/**
 * What a handler may want to know about the job it runs.
 *
 * @param attempt failed attempts before this one: 0 on the first delivery
 */
public record JobContext(String jobId, String type, String queue, int attempt, String workerId, Clock clock) {}
