package org.creatorarchiver.config;

/** The external programs the workers run: a path, or a bare name looked up on PATH. */
public record ExternalTools(String ytDlp, String ffmpeg) {}
