package org.creatorarchiver.e2e;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.media.HashingDownload;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.transcripts.TranscriptContent;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Recordings of a few minutes in the archive as phase 2 leaves them once their download finished: the bytes in the
 * media store, a post whose Patreon video ({@code completed}) or audio ({@code downloaded}) points at them, linked
 * in the transaction that stores the file. The fake Patreon only serves 5-second clips, so the recordings are made
 * here with ffmpeg: pink noise, so that no two chunks of any recording have the same bytes.
 */
final class DownloadedRecordings {

    private final DSLContext db;
    private final MediaStore store;
    private final Path incoming;
    private final long source;
    private final List<TranscriptContent> contents = new ArrayList<>();

    DownloadedRecordings(DSLContext db, Path mediaDir) throws IOException {
        this.db = db;
        this.store = new MediaStore(mediaDir, db);
        this.incoming = store.tempDir("e2e-phase2");
        this.source = db.insertInto(SOURCES)
                .set(SOURCES.VANITY, "speaker")
                .returning(SOURCES.ID)
                .fetchSingle(SOURCES.ID);
    }

    /** A post with a downloaded Patreon video of {@code seconds} of sound (only its audio matters to phase 4). */
    void video(int seconds) throws IOException, InterruptedException {
        long post = post();
        store(
                seconds,
                (tx, fileId) -> tx.insertInto(VIDEOS)
                        .set(VIDEOS.SOURCE_ID, source)
                        .set(VIDEOS.POST_ID, post)
                        .set(VIDEOS.PROVIDER, VideoProvider.patreon)
                        .set(VIDEOS.EXTERNAL_ID, "media-" + post)
                        .set(VIDEOS.STATUS, VideoStatus.completed)
                        .set(VIDEOS.MEDIA_FILE_ID, fileId)
                        .set(VIDEOS.DURATION_SECONDS, seconds)
                        .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf("{}"))
                        .execute());
    }

    /** A post with a downloaded audio of {@code seconds}. */
    void audio(int seconds) throws IOException, InterruptedException {
        long post = post();
        store(
                seconds,
                (tx, fileId) -> tx.insertInto(POST_MEDIA)
                        .set(POST_MEDIA.POST_ID, post)
                        .set(POST_MEDIA.POSITION, 0)
                        .set(POST_MEDIA.KIND, PostMediaKind.audio)
                        .set(POST_MEDIA.STATUS, PostMediaStatus.downloaded)
                        .set(POST_MEDIA.MEDIA_FILE_ID, fileId)
                        .execute());
    }

    /** What phase 2 hands {@code TranscriptRequests.requestDownloaded} once these downloads finished. */
    List<TranscriptContent> contents() {
        return List.copyOf(contents);
    }

    private void store(int seconds, MediaStore.Linker linker) throws IOException, InterruptedException {
        Path file = noise(incoming.resolve("recording-" + (contents.size() + 1) + ".mp3"), seconds);
        long fileId = store.store(new HashingDownload(incoming).adopt(file), "audio/mpeg", "mp3", linker)
                .id();
        contents.add(TranscriptContent.ofFile(fileId));
    }

    private long post() {
        int number = db.fetchCount(POSTS) + 1;
        return db.insertInto(POSTS)
                .set(POSTS.SOURCE_ID, source)
                .set(POSTS.EXTERNAL_ID, "post-" + number)
                .returning(POSTS.ID)
                .fetchSingle(POSTS.ID);
    }

    /** {@code seconds} of mono 16 kHz pink noise, seeded by the file's place so that every recording differs. */
    private Path noise(Path file, int seconds) throws IOException, InterruptedException {
        String source = "anoisesrc=color=pink:sample_rate=16000:amplitude=0.3:seed=" + (contents.size() + 1)
                + ":duration=" + seconds;
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        source,
                        "-ac",
                        "1",
                        "-b:a",
                        "32k",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0 || !Files.isRegularFile(file)) {
            ffmpeg.destroyForcibly();
            throw new IOException("ffmpeg making " + file.getFileName() + " failed: " + output.strip());
        }
        return file;
    }
}
