package org.creatorarchiver.orchestrator.web.archive;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.creatorarchiver.db.generated.Tables.VIDEO_SUBTITLES;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.creatorarchiver.db.JsonbObjects;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.orchestrator.web.Show;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * A post's media items in reading order, each with its stored file, its video row (provider, player, duration), the
 * subtitles stored with it and its recording's transcript: three queries whatever the number of items.
 */
final class PostMediaReader {

    private final DSLContext dsl;
    private final RecordingTranscripts transcripts;

    PostMediaReader(DSLContext dsl, RecordingTranscripts transcripts) {
        this.dsl = dsl;
        this.transcripts = transcripts;
    }

    List<MediaView> of(long postId) {
        List<Record> rows = items(postId);
        Map<Long, List<MediaView.SubtitleView>> subtitles = subtitles(rows);
        RecordingTranscripts.Found found = transcripts.of(fileIds(rows), youTubeIds(rows));
        List<MediaView> media = new ArrayList<>();
        rows.forEach(row -> media.add(view(row, subtitles, found)));
        return media;
    }

    /** Each item with its video row, matched by external id, and its file: the item's own, else its video's. */
    private List<Record> items(long postId) {
        return dsl.select(POST_MEDIA.fields())
                .select(MEDIA_FILES.ID, MEDIA_FILES.FILE_HASH, MEDIA_FILES.FILE_TYPE, MEDIA_FILES.FILE_SIZE)
                .select(VIDEOS.ID, VIDEOS.PROVIDER, VIDEOS.EXTERNAL_ID, VIDEOS.URL, VIDEOS.DURATION_SECONDS)
                .from(POST_MEDIA)
                .leftJoin(VIDEOS)
                .on(VIDEOS.POST_ID.eq(POST_MEDIA.POST_ID).and(VIDEOS.EXTERNAL_ID.eq(POST_MEDIA.EXTERNAL_MEDIA_ID)))
                .leftJoin(MEDIA_FILES)
                .on(MEDIA_FILES.ID.eq(DSL.coalesce(POST_MEDIA.MEDIA_FILE_ID, VIDEOS.MEDIA_FILE_ID)))
                .where(POST_MEDIA.POST_ID.eq(postId))
                .orderBy(POST_MEDIA.POSITION)
                .fetch();
    }

    private static MediaView view(
            Record row, Map<Long, List<MediaView.SubtitleView>> subtitles, RecordingTranscripts.Found found) {
        Long videoId = row.get(VIDEOS.ID);
        VideoProvider provider = row.get(VIDEOS.PROVIDER);
        return new MediaView(
                row.get(POST_MEDIA.ID),
                row.get(POST_MEDIA.KIND).getLiteral(),
                row.get(POST_MEDIA.STATUS).getLiteral(),
                row.get(POST_MEDIA.KIND).getLiteral().equals("image")
                        ? Show.httpUrl(row.get(POST_MEDIA.SOURCE_URL))
                        : null,
                row.get(MEDIA_FILES.FILE_HASH),
                JsonbObjects.parse(row.get(POST_MEDIA.METADATA))
                        .path("file_name")
                        .asText(null),
                row.get(MEDIA_FILES.FILE_TYPE),
                row.get(MEDIA_FILES.FILE_SIZE),
                provider == null ? null : provider.getLiteral(),
                Players.embedUrl(provider, row.get(VIDEOS.EXTERNAL_ID), row.get(VIDEOS.URL)),
                row.get(VIDEOS.DURATION_SECONDS),
                row.get(POST_MEDIA.LAST_ERROR),
                videoId == null ? List.of() : subtitles.getOrDefault(videoId, List.of()),
                found.forRecording(
                        row.get(MEDIA_FILES.ID),
                        provider == VideoProvider.youtube ? row.get(VIDEOS.EXTERNAL_ID) : null));
    }

    /** The subtitles stored with the post's videos, by video: human ones first, then by language. */
    private Map<Long, List<MediaView.SubtitleView>> subtitles(List<Record> rows) {
        List<Long> videoIds = rows.stream()
                .map(row -> row.get(VIDEOS.ID))
                .filter(Objects::nonNull)
                .toList();
        if (videoIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<MediaView.SubtitleView>> byVideo = new HashMap<>();
        subtitlesOf(videoIds)
                .forEach(row -> byVideo.computeIfAbsent(row.value1(), video -> new ArrayList<>())
                        .add(new MediaView.SubtitleView(row.value4(), row.value2(), row.value3())));
        return byVideo;
    }

    private Result<Record4<Long, String, Boolean, String>> subtitlesOf(List<Long> videoIds) {
        return dsl.select(
                        VIDEO_SUBTITLES.VIDEO_ID,
                        VIDEO_SUBTITLES.LANGUAGE,
                        VIDEO_SUBTITLES.AUTO_GENERATED,
                        MEDIA_FILES.FILE_HASH)
                .from(VIDEO_SUBTITLES)
                .join(MEDIA_FILES)
                .on(MEDIA_FILES.ID.eq(VIDEO_SUBTITLES.MEDIA_FILE_ID))
                .where(VIDEO_SUBTITLES.VIDEO_ID.in(videoIds))
                .orderBy(VIDEO_SUBTITLES.AUTO_GENERATED, VIDEO_SUBTITLES.LANGUAGE)
                .fetch();
    }

    private static List<Long> fileIds(List<Record> rows) {
        return rows.stream()
                .map(row -> row.get(MEDIA_FILES.ID))
                .filter(Objects::nonNull)
                .toList();
    }

    private static List<String> youTubeIds(List<Record> rows) {
        return rows.stream()
                .filter(row -> row.get(VIDEOS.PROVIDER) == VideoProvider.youtube)
                .map(row -> row.get(VIDEOS.EXTERNAL_ID))
                .toList();
    }
}
