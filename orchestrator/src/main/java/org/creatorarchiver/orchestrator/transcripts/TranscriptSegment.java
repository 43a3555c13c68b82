package org.creatorarchiver.orchestrator.transcripts;

/** One timed piece of a transcript as {@code transcripts.segments} stores it: seconds from the recording's start. */
public record TranscriptSegment(double start, double end, String text) {}
