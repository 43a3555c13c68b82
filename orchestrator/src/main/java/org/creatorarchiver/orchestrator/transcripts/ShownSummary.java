package org.creatorarchiver.orchestrator.transcripts;

/** The summary shown with a transcript: its text, the model that wrote it and the language it is written in. */
public record ShownSummary(String text, String model, String language) {}
