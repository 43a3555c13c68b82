package org.creatorarchiver.phase2.decide;

import java.util.Optional;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.videos.VideoMetadata;

/** A video's row once its item is settled ({@link MediaPolicy#settleVideo}): status, file, metadata. */
public record SettledVideo(VideoStatus status, Optional<Long> fileId, VideoMetadata metadata) {}
