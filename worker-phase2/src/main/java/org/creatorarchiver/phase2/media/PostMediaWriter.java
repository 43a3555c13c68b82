package org.creatorarchiver.phase2.media;

import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.creatorarchiver.db.generated.Tables.VIDEO_SUBTITLES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.creatorarchiver.patreon.content.VideoLinks;
import org.creatorarchiver.phase2.youtube.YouTubeEmbed;
import org.creatorarchiver.policy.DurationPolicy;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Writes a post's media decisions: one {@code post_media} row per item (by position) and one {@code videos} row per
 * video, inside the caller's transaction. Processing a post again changes nothing that did not change: an item
 * already downloaded keeps its file, a media already archived for another post is linked instead of downloaded
 * again, and a file a post no longer shows loses that reference (the caller releases files left unreferenced).
 */
public final class PostMediaWriter {

    /** A media item with what phase 2 decided for it. */
    public record Planned(MediaItem item, MediaDecision decision) {}

    /**
     * @param toDownload    {@code post_media} ids that need a download job
     * @param maybeReleased media files that lost a reference: release those left at zero after the commit
     */
    public record Written(List<Long> toDownload, Set<Long> maybeReleased) {}

    /** What the post row says about the videos' place to watch and title. */
    public record PostRef(long sourceId, long postId, String url, String title) {}

    private final boolean storeImageUrls;

    public PostMediaWriter(boolean storeImageUrls) {
        this.storeImageUrls = storeImageUrls;
    }

    public Written write(DSLContext tx, PostRef post, List<Planned> planned) {
        Map<Integer, PostMediaRecord> existing = tx.selectFrom(POST_MEDIA)
                .where(POST_MEDIA.POST_ID.eq(post.postId()))
                .forUpdate()
                .fetchMap(POST_MEDIA.POSITION);
        List<Long> toDownload = new ArrayList<>();
        Set<Long> maybeReleased = new HashSet<>();
        Set<String> videoKeys = new HashSet<>();
        for (int position = 0; position < planned.size(); position++) {
            MediaItem item = planned.get(position).item();
            MediaDecision decision = planned.get(position).decision();
            PostMediaRecord previous = existing.get(position);
            Long fileId = null;
            Optional<Long> donorVideo = Optional.empty();
            PostMediaStatus status = decision.status();
            if (previous != null
                    && sameItem(previous, item)
                    && previous.getStatus() == PostMediaStatus.downloaded
                    && previous.getMediaFileId() != null) {
                // Archived bytes stay archived, whatever the settings or the limit say now.
                fileId = previous.getMediaFileId();
                status = PostMediaStatus.downloaded;
            } else if (decision.downloads()) {
                Optional<Archived> archived = archived(tx, item);
                if (archived.isPresent()) {
                    fileId = archived.get().mediaFileId();
                    donorVideo = archived.get().videoId();
                    status = PostMediaStatus.downloaded;
                }
            }
            if (previous != null
                    && previous.getMediaFileId() != null
                    && !previous.getMediaFileId().equals(fileId)) {
                maybeReleased.add(previous.getMediaFileId());
            }
            long postMediaId = upsertPostMedia(tx, post.postId(), position, item, status, fileId);
            if (status == PostMediaStatus.queued) {
                toDownload.add(postMediaId);
            }
            if (item.provider().isPresent()
                    && item.externalMediaId().isPresent()
                    && decision.videoStatus().isPresent()) {
                VideoStatus videoStatus = status == PostMediaStatus.downloaded
                        ? VideoStatus.completed
                        : decision.videoStatus().get();
                long videoId = upsertVideo(tx, post, item, decision, videoStatus, fileId, maybeReleased);
                if (donorVideo.isPresent()) {
                    linkLikeDonor(tx, videoId, donorVideo.get());
                }
                videoKeys.add(provider(item).getLiteral() + ":"
                        + item.externalMediaId().get());
            }
        }
        tx
                .deleteFrom(POST_MEDIA)
                .where(POST_MEDIA.POST_ID.eq(post.postId()), POST_MEDIA.POSITION.ge(planned.size()))
                .returning(POST_MEDIA.MEDIA_FILE_ID)
                .fetch(POST_MEDIA.MEDIA_FILE_ID)
                .stream()
                .filter(Objects::nonNull)
                .forEach(maybeReleased::add);
        for (VideosRecord video :
                tx.selectFrom(VIDEOS).where(VIDEOS.POST_ID.eq(post.postId())).fetch()) {
            if (!videoKeys.contains(video.getProvider().getLiteral() + ":" + video.getExternalId())) {
                if (video.getMediaFileId() != null) {
                    maybeReleased.add(video.getMediaFileId());
                }
                video.delete();
            }
        }
        return new Written(List.copyOf(toDownload), Set.copyOf(maybeReleased));
    }

    private static boolean sameItem(PostMediaRecord previous, MediaItem item) {
        if (previous.getKind() != item.kind()) {
            return false;
        }
        if (item.externalMediaId().isPresent()) {
            return item.externalMediaId().get().equals(previous.getExternalMediaId());
        }
        return previous.getSourceUrl() != null
                && item.sourceUrl().isPresent()
                && MediaItem.withoutQuery(previous.getSourceUrl())
                        .equals(MediaItem.withoutQuery(item.sourceUrl().get()));
    }

    /** A file already archived for the same media, and the video row that archived it, if a video did. */
    private record Archived(long mediaFileId, Optional<Long> videoId) {}

    /**
     * The file of the same media archived for any post: the same Patreon media id (post_media) or the same YouTube
     * or Vimeo id (videos). Such media is linked, never downloaded again.
     */
    private static Optional<Archived> archived(DSLContext tx, MediaItem item) {
        if (item.externalMediaId().isEmpty()) {
            return Optional.empty();
        }
        String id = item.externalMediaId().get();
        if (item.provider().isPresent() && item.provider().get() != MediaItem.VideoSource.PATREON) {
            return tx.select(VIDEOS.MEDIA_FILE_ID, VIDEOS.ID)
                    .from(VIDEOS)
                    .where(
                            VIDEOS.PROVIDER.eq(provider(item)),
                            VIDEOS.EXTERNAL_ID.eq(id),
                            VIDEOS.MEDIA_FILE_ID.isNotNull())
                    .limit(1)
                    .fetchOptional(r -> new Archived(r.value1(), Optional.of(r.value2())));
        }
        return tx.select(POST_MEDIA.MEDIA_FILE_ID)
                .from(POST_MEDIA)
                .where(
                        POST_MEDIA.KIND.eq(item.kind()),
                        POST_MEDIA.EXTERNAL_MEDIA_ID.eq(id),
                        POST_MEDIA.STATUS.eq(PostMediaStatus.downloaded),
                        POST_MEDIA.MEDIA_FILE_ID.isNotNull())
                .limit(1)
                .fetchOptional(r -> new Archived(r.value1(), Optional.empty()));
    }

    /**
     * A video linked to another post's download gets what that download measured and fetched besides the video: its
     * duration (when Patreon gave none) and its subtitle files, so every post's copy of the video is complete.
     */
    private static void linkLikeDonor(DSLContext tx, long videoId, long donorVideoId) {
        var donor = VIDEOS.as("donor");
        tx.update(VIDEOS)
                .set(
                        VIDEOS.DURATION_SECONDS,
                        tx.select(donor.DURATION_SECONDS)
                                .from(donor)
                                .where(donor.ID.eq(donorVideoId))
                                .<Integer>asField())
                .where(VIDEOS.ID.eq(videoId), VIDEOS.DURATION_SECONDS.isNull())
                .execute();
        tx.insertInto(
                        VIDEO_SUBTITLES,
                        VIDEO_SUBTITLES.VIDEO_ID,
                        VIDEO_SUBTITLES.LANGUAGE,
                        VIDEO_SUBTITLES.AUTO_GENERATED,
                        VIDEO_SUBTITLES.MEDIA_FILE_ID)
                .select(tx.select(
                                DSL.val(videoId),
                                VIDEO_SUBTITLES.LANGUAGE,
                                VIDEO_SUBTITLES.AUTO_GENERATED,
                                VIDEO_SUBTITLES.MEDIA_FILE_ID)
                        .from(VIDEO_SUBTITLES)
                        .where(VIDEO_SUBTITLES.VIDEO_ID.eq(donorVideoId)))
                .onConflictDoNothing()
                .execute();
    }

    private long upsertPostMedia(
            DSLContext tx, long postId, int position, MediaItem item, PostMediaStatus status, Long fileId) {
        String sourceUrl = item.kind() == PostMediaKind.image && !storeImageUrls
                ? null
                : item.sourceUrl().orElse(null);
        JSONB metadata = JSONB.valueOf(item.metadata().toString());
        return tx.insertInto(POST_MEDIA)
                .set(POST_MEDIA.POST_ID, postId)
                .set(POST_MEDIA.POSITION, position)
                .set(POST_MEDIA.KIND, item.kind())
                .set(POST_MEDIA.SOURCE_URL, sourceUrl)
                .set(POST_MEDIA.EXTERNAL_MEDIA_ID, item.externalMediaId().orElse(null))
                .set(POST_MEDIA.STATUS, status)
                .set(POST_MEDIA.MEDIA_FILE_ID, fileId)
                .set(POST_MEDIA.METADATA, metadata)
                .onConflict(POST_MEDIA.POST_ID, POST_MEDIA.POSITION)
                .doUpdate()
                .set(POST_MEDIA.KIND, item.kind())
                .set(POST_MEDIA.SOURCE_URL, sourceUrl)
                .set(POST_MEDIA.EXTERNAL_MEDIA_ID, item.externalMediaId().orElse(null))
                .set(POST_MEDIA.STATUS, status)
                .set(POST_MEDIA.MEDIA_FILE_ID, fileId)
                .set(POST_MEDIA.METADATA, metadata)
                .setNull(POST_MEDIA.LAST_ERROR)
                .returning(POST_MEDIA.ID)
                .fetchSingle(POST_MEDIA.ID);
    }

    private static long upsertVideo(
            DSLContext tx,
            PostRef post,
            MediaItem item,
            MediaDecision decision,
            VideoStatus status,
            Long fileId,
            Set<Long> maybeReleased) {
        String externalId = item.externalMediaId().orElseThrow();
        VideoProvider provider = provider(item);
        Optional<VideosRecord> existing = tx.selectFrom(VIDEOS)
                .where(
                        VIDEOS.POST_ID.eq(post.postId()),
                        VIDEOS.PROVIDER.eq(provider),
                        VIDEOS.EXTERNAL_ID.eq(externalId))
                .forUpdate()
                .fetchOptional();
        ObjectNode extra =
                existing.map(v -> VideoMetadata.parse(v.getExtraMetadata())).orElseGet(VideoMetadata::empty);
        boolean keepFile = existing.isPresent()
                && existing.get().getStatus() == VideoStatus.completed
                && existing.get().getMediaFileId() != null
                && fileId == null;
        Long videoFile = keepFile ? existing.get().getMediaFileId() : fileId;
        VideoStatus videoStatus = keepFile ? VideoStatus.completed : status;
        if (decision.skip().isPresent() && !keepFile) {
            // A skip found at discovery keeps its reason and time; a new one replaces the figures.
            if (!(existing.isPresent()
                    && existing.get().getStatus() == VideoStatus.skipped
                    && extra.has("skip_reason"))) {
                extra.setAll(decision.skip().get());
            }
        } else {
            VideoMetadata.clearSkip(extra);
        }
        if (provider == VideoProvider.youtube && videoStatus == VideoStatus.embedded) {
            extra.put("embed_html", YouTubeEmbed.html(externalId, post.title()));
        }
        String url = switch (provider) {
            case youtube -> YouTubeEmbed.watchUrl(externalId);
            case vimeo -> item.sourceUrl().map(VideoLinks::vimeoPlayerUrl).orElse(post.url());
            case patreon -> post.url();
        };
        Integer duration = item.durationSeconds().isPresent()
                ? Integer.valueOf(
                        DurationPolicy.wholeSeconds(item.durationSeconds().getAsDouble()))
                : existing.map(VideosRecord::getDurationSeconds).orElse(null);
        if (existing.isPresent()
                && existing.get().getMediaFileId() != null
                && !existing.get().getMediaFileId().equals(videoFile)) {
            maybeReleased.add(existing.get().getMediaFileId());
        }
        return tx.insertInto(VIDEOS)
                .set(VIDEOS.SOURCE_ID, post.sourceId())
                .set(VIDEOS.POST_ID, post.postId())
                .set(VIDEOS.PROVIDER, provider)
                .set(VIDEOS.EXTERNAL_ID, externalId)
                .set(VIDEOS.URL, url)
                .set(VIDEOS.TITLE, post.title())
                .set(VIDEOS.DURATION_SECONDS, duration)
                .set(VIDEOS.STATUS, videoStatus)
                .set(VIDEOS.MEDIA_FILE_ID, videoFile)
                .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf(extra.toString()))
                .onConflict(VIDEOS.POST_ID, VIDEOS.PROVIDER, VIDEOS.EXTERNAL_ID)
                .doUpdate()
                .set(VIDEOS.URL, url)
                .set(VIDEOS.TITLE, post.title())
                .set(VIDEOS.DURATION_SECONDS, duration)
                .set(VIDEOS.STATUS, videoStatus)
                .set(VIDEOS.MEDIA_FILE_ID, videoFile)
                .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf(extra.toString()))
                .setNull(VIDEOS.LAST_ERROR)
                .returning(VIDEOS.ID)
                .fetchSingle(VIDEOS.ID);
    }

    static VideoProvider provider(MediaItem item) {
        return switch (item.provider().orElseThrow()) {
            case PATREON -> VideoProvider.patreon;
            case YOUTUBE -> VideoProvider.youtube;
            case VIMEO -> VideoProvider.vimeo;
        };
    }
}
