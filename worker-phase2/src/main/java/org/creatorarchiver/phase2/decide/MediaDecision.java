package org.creatorarchiver.phase2.decide;

import java.util.Optional;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.videos.DurationSkip;

/**
 * What phase 2 does with one media item.
 *
 * @param status      the item's {@code post_media.status}; {@code queued} means a download job
 * @param videoStatus the status of its {@code videos} row, for videos (Patreon, YouTube, Vimeo); empty otherwise
 * @param skip        for a video over the duration limit: the figures of the skip
 */
public record MediaDecision(PostMediaStatus status, Optional<VideoStatus> videoStatus, Optional<DurationSkip> skip) {

    public boolean downloads() {
        return status == PostMediaStatus.queued;
    }
}
