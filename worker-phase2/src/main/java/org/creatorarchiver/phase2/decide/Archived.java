package org.creatorarchiver.phase2.decide;

import java.util.Optional;

/** A file already archived for the same media (any post), and the video row that archived it, if a video did. */
public record Archived(long mediaFileId, Optional<Long> videoId) {}
