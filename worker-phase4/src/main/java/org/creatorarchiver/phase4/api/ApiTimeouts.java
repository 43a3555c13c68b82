package org.creatorarchiver.phase4.api;

import java.time.Duration;

/**
 * How long a paid API call may take, and how long a call waits for a 429 pause of its host to end before it gives the
 * job back to the queue instead (a longer wait would hold a worker doing nothing).
 *
 * @param connect          to open the connection
 * @param request          for the whole call, upload and answer included
 * @param longestPauseWait the longest pause a call sleeps through before sending
 */
public record ApiTimeouts(Duration connect, Duration request, Duration longestPauseWait) {

    /** Whisper takes well under a minute for a 10-minute chunk; five leave room for a slow upload and a busy API. */
    public static final ApiTimeouts TRANSCRIPTION =
            new ApiTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(30));

    /** A summary of a long transcript is a long answer: DeepSeek may take a minute or two to write it. */
    public static final ApiTimeouts CHAT =
            new ApiTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(3), Duration.ofSeconds(30));

    public ApiTimeouts {
        if (!connect.isPositive() || !request.isPositive() || longestPauseWait.isNegative()) {
            throw new IllegalArgumentException("API timeouts must be positive, got " + connect + ", " + request
                    + " and a pause wait of " + longestPauseWait);
        }
    }
}
