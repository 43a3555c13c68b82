package org.creatorarchiver.phase2.store;

import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.phase2.decide.Archived;
import org.creatorarchiver.phase2.decide.MediaDecision;
import org.creatorarchiver.phase2.decide.MediaPolicy;
import org.creatorarchiver.phase2.decide.Settled;
import org.creatorarchiver.phase2.media.MediaItem;
import org.creatorarchiver.states.PostMediaStates;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;

/**
 * Writes a post's media decisions: one {@code post_media} row per item (by position) and one {@code videos} row per
 * video ({@link VideoRows}), inside the caller's transaction. What the rows become once what is archived is taken
 * into account is {@link MediaPolicy#settle}'s decision; a file a post no longer shows loses that reference (the
 * caller releases files left unreferenced).
 */
public final class PostMediaWriter {

    /** A media item with what phase 2 decided for it. */
    public record Planned(MediaItem item, MediaDecision decision) {}

    /**
     * @param toDownload    {@code post_media} ids that need a download job
     * @param maybeReleased media files that lost a reference: release those left at zero after the commit
     * @param embeddedYouTube YouTube ids the post keeps as embeds (their transcripts can come from captions)
     */
    public record Written(List<Long> toDownload, Set<Long> maybeReleased, Set<String> embeddedYouTube) {}

    /** What the post row says about the videos' place to watch and title. */
    public record PostRef(long sourceId, long postId, String url, String title) {}

    /** What one write collects as it goes. */
    private record Changes(
            List<Long> toDownload, Set<Long> maybeReleased, Set<String> videoKeys, Set<String> embeddedYouTube) {
        Changes() {
            this(new ArrayList<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        }
    }

    private final boolean storeImageUrls;
    private final MediaPolicy policy;

    public PostMediaWriter(boolean storeImageUrls, MediaPolicy policy) {
        this.storeImageUrls = storeImageUrls;
        this.policy = policy;
    }

    public Written write(DSLContext tx, PostRef post, List<Planned> planned) {
        Map<Integer, PostMediaRecord> existing = tx.selectFrom(POST_MEDIA)
                .where(POST_MEDIA.POST_ID.eq(post.postId()))
                .forUpdate()
                .fetchMap(POST_MEDIA.POSITION);
        Map<String, VideosRecord> videos = VideoRows.lockedOf(tx, post.postId());
        Changes changes = new Changes();
        for (int position = 0; position < planned.size(); position++) {
            Planned item = planned.get(position);
            writeItem(tx, post, position, item, Optional.ofNullable(existing.get(position)), videos, changes);
        }
        deleteDropped(tx, post.postId(), planned.size(), existing.keySet(), videos.values(), changes);
        return new Written(
                List.copyOf(changes.toDownload()),
                Set.copyOf(changes.maybeReleased()),
                Set.copyOf(changes.embeddedYouTube()));
    }

    private void writeItem(
            DSLContext tx,
            PostRef post,
            int position,
            Planned planned,
            Optional<PostMediaRecord> previous,
            Map<String, VideosRecord> videos,
            Changes changes) {
        MediaItem item = planned.item();
        Settled settled = policy.settle(item, planned.decision(), previous, () -> archived(tx, item));
        previous.map(PostMediaRecord::getMediaFileId)
                .filter(fileId -> !settled.fileId().equals(Optional.of(fileId)))
                .ifPresent(changes.maybeReleased()::add);
        long postMediaId = upsertPostMedia(tx, post.postId(), position, item, settled, previous);
        if (settled.downloads()) {
            changes.toDownload().add(postMediaId);
        }
        if (item.provider().isPresent()
                && item.externalMediaId().isPresent()
                && planned.decision().videoStatus().isPresent()) {
            writeVideo(tx, post, planned, settled, videos, changes);
        }
    }

    private void writeVideo(
            DSLContext tx,
            PostRef post,
            Planned planned,
            Settled settled,
            Map<String, VideosRecord> videos,
            Changes changes) {
        VideoRows.Written video = VideoRows.write(tx, policy, post, planned, settled, videos, changes.maybeReleased());
        changes.videoKeys().add(video.key());
        if (video.provider() == VideoProvider.youtube && video.status() == VideoStatus.embedded) {
            changes.embeddedYouTube().add(video.externalId());
        }
    }

    /**
     * Rows for positions or videos the post no longer has, known from the rows locked at the start: most posts keep
     * theirs, and spare the statements.
     */
    private static void deleteDropped(
            DSLContext tx,
            long postId,
            int positions,
            Set<Integer> lockedPositions,
            Collection<VideosRecord> lockedVideos,
            Changes changes) {
        if (lockedPositions.stream().anyMatch(position -> position >= positions)) {
            deletePositionsFrom(tx, postId, positions).forEach(changes.maybeReleased()::add);
        }
        for (VideosRecord video : lockedVideos) {
            if (!changes.videoKeys().contains(VideoRows.key(video.getProvider(), video.getExternalId()))) {
                Optional.ofNullable(video.getMediaFileId()).ifPresent(changes.maybeReleased()::add);
                video.delete();
            }
        }
    }

    /** @return the files the deleted rows pointed at */
    private static List<Long> deletePositionsFrom(DSLContext tx, long postId, int positions) {
        return tx
                .deleteFrom(POST_MEDIA)
                .where(POST_MEDIA.POST_ID.eq(postId), POST_MEDIA.POSITION.ge(positions))
                .returning(POST_MEDIA.MEDIA_FILE_ID)
                .fetch(POST_MEDIA.MEDIA_FILE_ID)
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * The file of the same media archived for any post: the same Patreon media id (post_media) or the same YouTube
     * or Vimeo id (videos).
     */
    private static Optional<Archived> archived(DSLContext tx, MediaItem item) {
        if (item.externalMediaId().isEmpty()) {
            return Optional.empty();
        }
        if (item.provider().isPresent() && item.provider().get() != MediaItem.VideoSource.PATREON) {
            return VideoRows.archived(
                    tx, VideoRows.provider(item), item.externalMediaId().get());
        }
        return tx.select(POST_MEDIA.MEDIA_FILE_ID)
                .from(POST_MEDIA)
                .where(
                        POST_MEDIA.KIND.eq(item.kind()),
                        POST_MEDIA.EXTERNAL_MEDIA_ID.eq(item.externalMediaId().get()))
                .and(POST_MEDIA.STATUS.eq(PostMediaStatus.downloaded).and(POST_MEDIA.MEDIA_FILE_ID.isNotNull()))
                .limit(1)
                .fetchOptional(r -> new Archived(r.value1(), Optional.empty()));
    }

    private long upsertPostMedia(
            DSLContext tx,
            long postId,
            int position,
            MediaItem item,
            Settled settled,
            Optional<PostMediaRecord> previous) {
        Map<Field<?>, Object> columns = columns(item, settled, previous);
        return tx.insertInto(POST_MEDIA)
                .set(POST_MEDIA.POST_ID, postId)
                .set(POST_MEDIA.POSITION, position)
                .set(columns)
                .onConflict(POST_MEDIA.POST_ID, POST_MEDIA.POSITION)
                .doUpdate()
                .set(columns)
                .setNull(POST_MEDIA.LAST_ERROR)
                .returning(POST_MEDIA.ID)
                .fetchSingle(POST_MEDIA.ID);
    }

    /** What a decision writes: the item as the post shows it, its status and file. */
    private Map<Field<?>, Object> columns(MediaItem item, Settled settled, Optional<PostMediaRecord> previous) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(POST_MEDIA.KIND, item.kind());
        columns.put(POST_MEDIA.SOURCE_URL, sourceUrl(item));
        columns.put(POST_MEDIA.EXTERNAL_MEDIA_ID, item.externalMediaId().orElse(null));
        columns.putAll(PostMediaStates.assign(
                PostMediaStates.Move.DECIDE, previous.map(PostMediaRecord::getStatus), settled.status()));
        columns.put(POST_MEDIA.MEDIA_FILE_ID, settled.fileId().orElse(null));
        columns.put(POST_MEDIA.METADATA, JSONB.valueOf(item.metadata().toString()));
        return columns;
    }

    private String sourceUrl(MediaItem item) {
        return item.kind() == PostMediaKind.image && !storeImageUrls
                ? null
                : item.sourceUrl().orElse(null);
    }
}
