package org.creatorarchiver.orchestrator.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.creatorarchiver.db.generated.Tables.VIDEO_SUBTITLES;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.media.HashedFile;
import org.creatorarchiver.media.HashingDownload;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.patreon.TestVideos;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A downloaded Patreon video on its post's page, played from the media store in a real browser: it loads, carries
 * its subtitles, and seeks (which takes HTTP Range answers from {@code /files/}, checked here over plain HTTP too).
 * The clip is {@link TestVideos}' H.264/AAC MP4 as phase 2 stores it: Debian's chromium decodes it, no WebM needed.
 */
class StoredVideoInBrowserTest {

    private static final String EXTERNAL_ID = "m-clip";
    /** A file larger than the 128000-byte chunks Javalin's writeSeekableStream answers a range with. */
    private static final byte[] LARGE = randomBytes(42);

    @TempDir
    static Path mediaDir;

    @RegisterExtension
    static final DashboardInBrowser WEB = new DashboardInBrowser(() -> mediaDir);

    private final TestDashboard dashboard = WEB.dashboard();
    private final Browser browser = WEB.browser();

    private final HttpClient client = HttpClient.newHttpClient();
    private final DSLContext db = TestDatabase.migrated();
    private long post;
    private String videoHash;
    private long videoSize;
    private String largeHash;
    private String attachmentHash;

    @BeforeEach
    void aPostWithADownloadedVideo() throws Exception {
        Path videos = TestVideos.makeIn(Files.createDirectories(Path.of("target", "test-videos")));
        MediaStore store = new MediaStore(mediaDir, db);
        long source = db.insertInto(SOURCES)
                .set(SOURCES.VANITY, "filmmaker")
                .returning(SOURCES.ID)
                .fetchSingle(SOURCES.ID);
        post = db.insertInto(POSTS)
                .set(POSTS.SOURCE_ID, source)
                .set(POSTS.EXTERNAL_ID, "p-clip")
                .set(POSTS.TITLE, "A short clip")
                .set(POSTS.STATUS, PostStatus.completed)
                .returning(POSTS.ID)
                .fetchSingle(POSTS.ID);
        largeHash = stored(store, LARGE, "video/mp4", "mp4");
        attachmentHash = stored(store, randomBytes(43), null, "bin");
        HashedFile clip = adopted(store, videos.resolve(TestVideos.CLIP));
        videoHash = clip.sha256();
        videoSize = clip.size();
        long[] video = new long[1];
        store.store(clip, "video/mp4", "mp4", (tx, fileId) -> {
            tx.insertInto(POST_MEDIA)
                    .set(POST_MEDIA.POST_ID, post)
                    .set(POST_MEDIA.POSITION, 0)
                    .set(POST_MEDIA.KIND, PostMediaKind.video)
                    .set(POST_MEDIA.EXTERNAL_MEDIA_ID, EXTERNAL_ID)
                    .set(POST_MEDIA.STATUS, PostMediaStatus.downloaded)
                    .set(POST_MEDIA.MEDIA_FILE_ID, fileId)
                    .execute();
            video[0] = tx.insertInto(VIDEOS)
                    .set(VIDEOS.SOURCE_ID, source)
                    .set(VIDEOS.POST_ID, post)
                    .set(VIDEOS.PROVIDER, VideoProvider.patreon)
                    .set(VIDEOS.EXTERNAL_ID, EXTERNAL_ID)
                    .set(VIDEOS.STATUS, VideoStatus.completed)
                    .set(VIDEOS.MEDIA_FILE_ID, fileId)
                    .set(VIDEOS.DURATION_SECONDS, (int) TestVideos.CLIP_SECONDS)
                    .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf("{}"))
                    .returning(VIDEOS.ID)
                    .fetchSingle(VIDEOS.ID);
        });
        store.store(
                adopted(store, videos.resolve(TestVideos.ENGLISH_SUBTITLES)),
                "text/vtt",
                "vtt",
                (tx, fileId) -> tx.insertInto(VIDEO_SUBTITLES)
                        .set(VIDEO_SUBTITLES.VIDEO_ID, video[0])
                        .set(VIDEO_SUBTITLES.LANGUAGE, "en")
                        .set(VIDEO_SUBTITLES.AUTO_GENERATED, false)
                        .set(VIDEO_SUBTITLES.MEDIA_FILE_ID, fileId)
                        .execute());
    }

    @Test
    void theVideoPlaysWithItsSubtitlesAndSeeks() throws Exception {
        browser.open(dashboard.url("/archive/posts/" + post));

        assertThat(browser.script("return document.querySelector('video').getAttribute('src')"))
                .isEqualTo("/files/" + videoHash);
        browser.waitUntil(page -> readyState() >= 2);
        assertThat(((Number) browser.script("return document.querySelector('video').duration")).doubleValue())
                .isCloseTo(TestVideos.CLIP_SECONDS, within(0.2));
        assertThat(browser.has("video > track[kind='subtitles'][srclang='en']")).isTrue();
        // A track loads once shown; its cue is the subtitle file's one line.
        browser.script("document.querySelector('video').textTracks[0].mode = 'showing'");
        browser.waitUntil(page -> "Hello"
                .equals(browser.script("const cues = document.querySelector('video').textTracks[0].cues;"
                        + " return cues && cues.length > 0 ? cues[0].text : null")));

        browser.script("document.querySelector('video').currentTime = 3.0");

        browser.waitUntil(page -> Boolean.TRUE.equals(browser.script("const video = document.querySelector('video');"
                + " return !video.seeking && video.currentTime >= 3 && video.readyState >= 2")));
        assertThat(browser.script("return document.querySelector('video').error"))
                .isNull();
        browser.screenshot(DashboardInBrowser.FOLDER.resolve("stored-video.png"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aRangeOfAVideoIsAnsweredWithThoseBytesOnly() throws Exception {
        HttpResponse<byte[]> first = range(largeHash, "bytes=0-99");

        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + LARGE.length);
        assertThat(first.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(first.body()).isEqualTo(Arrays.copyOfRange(LARGE, 0, 100));

        HttpResponse<byte[]> tail = range(largeHash, "bytes=299000-");

        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes 299000-299999/" + LARGE.length);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(LARGE, 299_000, LARGE.length));
    }

    @Test
    void aRangeOfTheClipIsAnsweredWithThoseBytesOnly() throws Exception {
        HttpResponse<byte[]> partial = range(videoHash, "bytes=0-99");

        assertThat(partial.statusCode()).isEqualTo(206);
        assertThat(partial.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + videoSize);
        assertThat(partial.headers().firstValue("Content-Type")).hasValue("video/mp4");
        byte[] stored = Files.readAllBytes(mediaDir.resolve(
                "sha256/" + videoHash.substring(0, 2) + "/" + videoHash.substring(2, 4) + "/" + videoHash + ".mp4"));
        assertThat(partial.body()).isEqualTo(Arrays.copyOf(stored, 100));
    }

    /** What RFC 9110 asks of a range a 300000-byte video cannot serve as asked (no Content-Range: none sent). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "bytes=-100     | 206 | bytes 299900-299999/300000 | 100",
                "bytes=0-999999 | 206 | bytes 0-299999/300000      | 300000",
                "bytes=300000-  | 416 | bytes */300000             | -1",
                "bytes=100-50   | 200 |                            | 300000",
                "bytes=abc      | 200 |                            | 300000"
            })
    void aRangeTheFileCannotServeAsAskedIsAnsweredAsTheRfcSays(
            String range, int status, String contentRange, int length) throws Exception {
        HttpResponse<byte[]> answer = range(largeHash, range);

        assertThat(answer.statusCode()).as(range).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Range")).as(range).isEqualTo(Optional.ofNullable(contentRange));
        if (length >= 0) {
            assertThat(answer.body()).as(range).hasSize(length);
        }
    }

    @Test
    void aResumedAttachmentDownloadGetsPartialContent() throws Exception {
        HttpResponse<byte[]> resumed = range(attachmentHash, "bytes=1000-");

        assertThat(resumed.statusCode()).isEqualTo(206);
        assertThat(resumed.headers().firstValue("Content-Range")).hasValue("bytes 1000-299999/300000");
        assertThat(resumed.body()).hasSize(299_000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/files/0000000000000000000000000000000000000000000000000000000000000000",
                "/files/..%2F..%2F..%2Fetc%2Fpasswd",
                "/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/files/....//....//etc/passwd",
                "/files/..%5C..%5Cetc%5Cpasswd",
                "/files/etc/passwd"
            })
    void anUnknownHashOrAPathIsNotFound(String path) throws Exception {
        HttpResponse<String> answer = dashboard.get(path);

        assertThat(answer.statusCode()).as(path).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("root:");
    }

    @Test
    void aDotDotPathIsNotServed() throws Exception {
        HttpResponse<String> answer = dashboard.get("/files/../../etc/passwd");

        assertThat(answer.statusCode()).isIn(400, 404);
        assertThat(answer.body()).doesNotContain("root:");
    }

    private HttpResponse<byte[]> range(String hash, String range) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(dashboard.url("/files/" + hash)))
                        .header("Range", range)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private long readyState() {
        return ((Number) browser.script("return document.querySelector('video').readyState")).longValue();
    }

    /** 300000 bytes, the same for the same seed. */
    private static byte[] randomBytes(long seed) {
        byte[] bytes = new byte[300_000];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** {@code bytes} stored as a file no row points at ({@code /files/} needs only its media_files row). */
    private static String stored(MediaStore store, byte[] bytes, String type, String extension) throws Exception {
        HashedFile file = new HashingDownload(store.tempDir("browser-test")).copy(new ByteArrayInputStream(bytes));
        store.store(file, type, extension, (tx, fileId) -> {});
        return file.sha256();
    }

    /** A copy of {@code file} taken over as a download in the store's temp directory. */
    private static HashedFile adopted(MediaStore store, Path file) throws Exception {
        Path incoming = store.tempDir("browser-test");
        Path copy = Files.copy(file, incoming.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return new HashingDownload(incoming).adopt(copy);
    }
}
