package org.creatorarchiver.phase2.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;

/**
 * What phase 2 does with one media item.
 *
 * @param status      the item's {@code post_media.status}; {@code queued} means a download job
 * @param videoStatus the status of its {@code videos} row, for videos (Patreon, YouTube, Vimeo); empty otherwise
 * @param skip        for a video over the duration limit: the {@code extra_metadata} of the skip
 */
public record MediaDecision(PostMediaStatus status, Optional<VideoStatus> videoStatus, Optional<ObjectNode> skip) {

    public boolean downloads() {
        return status == PostMediaStatus.queued;
    }
}
