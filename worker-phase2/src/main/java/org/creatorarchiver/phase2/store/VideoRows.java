package org.creatorarchiver.phase2.store;

import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.creatorarchiver.db.generated.Tables.VIDEO_SUBTITLES;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.patreon.content.VideoLinks;
import org.creatorarchiver.phase2.decide.Archived;
import org.creatorarchiver.phase2.decide.MediaPolicy;
import org.creatorarchiver.phase2.decide.Settled;
import org.creatorarchiver.phase2.decide.SettledVideo;
import org.creatorarchiver.phase2.media.MediaItem;
import org.creatorarchiver.phase2.youtube.YouTubeEmbed;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.states.VideoStates;
import org.creatorarchiver.videos.VideoMetadata;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The {@code videos} row of a post's video, written with the post's media decisions ({@link PostMediaWriter}). */
final class VideoRows {

    private VideoRows() {}

    /** The video row as written: its key ({@link #key}) and status. */
    record Written(VideoProvider provider, String externalId, VideoStatus status) {
        String key() {
            return VideoRows.key(provider, externalId);
        }
    }

    /**
     * Upserts the video of a settled item (on post, provider, external id) and links it like its donor, if any.
     *
     * @param locked the post's videos as {@link #lockedOf} read them
     * @return the row as written
     */
    static Written write(
            DSLContext tx,
            MediaPolicy policy,
            PostMediaWriter.PostRef post,
            PostMediaWriter.Planned planned,
            Settled item,
            Map<String, VideosRecord> locked,
            Set<Long> maybeReleased) {
        MediaItem media = planned.item();
        Optional<VideosRecord> existing = Optional.ofNullable(
                locked.get(key(provider(media), media.externalMediaId().orElseThrow())));
        SettledVideo video = policy.settleVideo(item, planned.decision(), existing);
        existing.map(VideosRecord::getMediaFileId)
                .filter(fileId -> !video.fileId().equals(Optional.of(fileId)))
                .ifPresent(maybeReleased::add);
        long videoId = upsert(tx, post, media, video, existing);
        item.donorVideoId().ifPresent(donor -> linkLikeDonor(tx, videoId, donor));
        return new Written(provider(media), media.externalMediaId().orElseThrow(), video.status());
    }

    /** The post's videos by {@link #key}, locked for the caller's transaction. */
    static Map<String, VideosRecord> lockedOf(DSLContext tx, long postId) {
        return tx.selectFrom(VIDEOS).where(VIDEOS.POST_ID.eq(postId)).forUpdate().fetch().stream()
                .collect(Collectors.toMap(video -> key(video.getProvider(), video.getExternalId()), video -> video));
    }

    private static long upsert(
            DSLContext tx,
            PostMediaWriter.PostRef post,
            MediaItem item,
            SettledVideo video,
            Optional<VideosRecord> existing) {
        Map<Field<?>, Object> columns = columns(post, item, video, existing);
        return tx.insertInto(VIDEOS)
                .set(VIDEOS.SOURCE_ID, post.sourceId())
                .set(VIDEOS.POST_ID, post.postId())
                .set(VIDEOS.PROVIDER, provider(item))
                .set(VIDEOS.EXTERNAL_ID, item.externalMediaId().orElseThrow())
                .set(columns)
                .onConflict(VIDEOS.POST_ID, VIDEOS.PROVIDER, VIDEOS.EXTERNAL_ID)
                .doUpdate()
                .set(columns)
                .setNull(VIDEOS.LAST_ERROR)
                .returning(VIDEOS.ID)
                .fetchSingle(VIDEOS.ID);
    }

    /** What a decision writes: place to watch, title, duration, status, file and metadata. */
    private static Map<Field<?>, Object> columns(
            PostMediaWriter.PostRef post, MediaItem item, SettledVideo video, Optional<VideosRecord> existing) {
        String externalId = item.externalMediaId().orElseThrow();
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(VIDEOS.URL, url(provider(item), externalId, item, post));
        columns.put(VIDEOS.TITLE, post.title());
        columns.put(VIDEOS.DURATION_SECONDS, duration(item, existing));
        columns.putAll(
                VideoStates.assign(VideoStates.Move.DECIDE, existing.map(VideosRecord::getStatus), video.status()));
        columns.put(VIDEOS.MEDIA_FILE_ID, video.fileId().orElse(null));
        columns.put(
                VIDEOS.EXTRA_METADATA,
                withEmbed(video, provider(item), externalId, post.title()).toJsonb());
        return columns;
    }

    /** Patreon's figure when it gives one, else what the row holds (a measure, a donor's). */
    private static Integer duration(MediaItem item, Optional<VideosRecord> existing) {
        return item.durationSeconds().isPresent()
                ? Integer.valueOf(
                        DurationPolicy.wholeSeconds(item.durationSeconds().getAsDouble()))
                : existing.map(VideosRecord::getDurationSeconds).orElse(null);
    }

    /** A YouTube video kept as an embed carries its player HTML. */
    private static VideoMetadata withEmbed(
            SettledVideo video, VideoProvider provider, String externalId, String title) {
        return provider == VideoProvider.youtube && video.status() == VideoStatus.embedded
                ? video.metadata().withEmbedHtml(YouTubeEmbed.html(externalId, title))
                : video.metadata();
    }

    private static String url(VideoProvider provider, String externalId, MediaItem item, PostMediaWriter.PostRef post) {
        return switch (provider) {
            case youtube -> YouTubeEmbed.watchUrl(externalId);
            case vimeo -> item.sourceUrl().map(VideoLinks::vimeoPlayerUrl).orElse(post.url());
            case patreon -> post.url();
        };
    }

    /** A YouTube or Vimeo video archived for any post. */
    static Optional<Archived> archived(DSLContext tx, VideoProvider provider, String externalId) {
        return tx.select(VIDEOS.MEDIA_FILE_ID, VIDEOS.ID)
                .from(VIDEOS)
                .where(
                        VIDEOS.PROVIDER.eq(provider),
                        VIDEOS.EXTERNAL_ID.eq(externalId),
                        VIDEOS.MEDIA_FILE_ID.isNotNull())
                .limit(1)
                .fetchOptional(r -> new Archived(r.value1(), Optional.of(r.value2())));
    }

    /**
     * A video linked to another post's download gets what that download measured and fetched besides the video: its
     * duration (when Patreon gave none) and its subtitle files, so every post's copy of the video is complete.
     */
    private static void linkLikeDonor(DSLContext tx, long videoId, long donorVideoId) {
        var donor = VIDEOS.as("donor");
        var donorDuration = tx.select(donor.DURATION_SECONDS).from(donor).where(donor.ID.eq(donorVideoId));
        tx.update(VIDEOS)
                .set(VIDEOS.DURATION_SECONDS, donorDuration.<Integer>asField())
                .where(VIDEOS.ID.eq(videoId), VIDEOS.DURATION_SECONDS.isNull())
                .execute();
        copySubtitles(tx, videoId, donorVideoId);
    }

    private static void copySubtitles(DSLContext tx, long videoId, long donorVideoId) {
        var subtitles = VIDEO_SUBTITLES;
        tx.insertInto(
                        subtitles,
                        subtitles.VIDEO_ID,
                        subtitles.LANGUAGE,
                        subtitles.AUTO_GENERATED,
                        subtitles.MEDIA_FILE_ID)
                .select(tx.select(
                                DSL.val(videoId), subtitles.LANGUAGE, subtitles.AUTO_GENERATED, subtitles.MEDIA_FILE_ID)
                        .from(subtitles)
                        .where(subtitles.VIDEO_ID.eq(donorVideoId)))
                .onConflictDoNothing()
                .execute();
    }

    static VideoProvider provider(MediaItem item) {
        return switch (item.provider().orElseThrow()) {
            case PATREON -> VideoProvider.patreon;
            case YOUTUBE -> VideoProvider.youtube;
            case VIMEO -> VideoProvider.vimeo;
        };
    }

    static String key(VideoProvider provider, String externalId) {
        return provider.getLiteral() + ":" + externalId;
    }
}
