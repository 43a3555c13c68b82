package org.creatorarchiver.phase2.decide;

import java.util.Optional;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;

/**
 * An item's decision once what is already archived is taken into account ({@link MediaPolicy#settle}).
 *
 * @param status       its {@code post_media.status}: {@code downloaded} when it keeps or links a file
 * @param fileId       the file it points at
 * @param donorVideoId the video of another post whose file it links (that video's duration and subtitles go along)
 */
public record Settled(PostMediaStatus status, Optional<Long> fileId, Optional<Long> donorVideoId) {

    public boolean downloads() {
        return status == PostMediaStatus.queued;
    }
}
