/**
 * The reliable, delayed job queue on Redis and the worker runtime that consumes it (docs/ARCHITECTURE.md
 * "Queues and Redis keys").
 * <p>
 * Keys, for each queue {@code q} in {@code phase1}, {@code phase2}, {@code media}, {@code phase3}:
 * <ul>
 * <li>{@code archiver:queue:<q>} LIST of ready jobs; enqueue appends (RPUSH), a take moves the head (BLMOVE LEFT RIGHT)
 * into the taker's processing list.</li>
 * <li>{@code archiver:processing:<q>:<worker-id>} LIST of the jobs a worker runs; ack removes the job (LREM).</li>
 * <li>{@code archiver:delayed:<q>} ZSET of jobs waiting for a retry or a start time, scored by due epoch ms; every
 * worker's promoter moves due ones to the ready list with a Lua script.</li>
 * <li>{@code archiver:dead:<q>} LIST of jobs whose retries ran out, with their {@code last_error}.</li>
 * <li>{@code archiver:worker:<worker-id>} STRING with a TTL: {@code {"id","queues","host","pid","started_at"}}; when
 * it expires the reaper hands the worker's processing lists back to the front of the ready lists.</li>
 * </ul>
 * A job is JSON: {@code {"id","type","payload","attempt","enqueued_at","last_error"}}, payload in snake_case,
 * {@code attempt} = failed attempts so far. Inspecting with redis-cli:
 * <pre>
 * redis-cli LRANGE archiver:queue:phase2 0 9
 * redis-cli ZRANGE archiver:delayed:phase2 0 -1 WITHSCORES
 * redis-cli --scan --pattern 'archiver:processing:*'
 * redis-cli LRANGE archiver:dead:media 0 -1
 * redis-cli --scan --pattern 'archiver:worker:*'
 * redis-cli GET archiver:worker:&lt;worker-id&gt;   # and TTL archiver:worker:&lt;worker-id&gt;
 * </pre>
 * Delivery is at-least-once: handlers are idempotent.
 */
package org.creatorarchiver.queue;
