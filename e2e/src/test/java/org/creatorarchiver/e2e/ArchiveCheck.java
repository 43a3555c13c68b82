package org.creatorarchiver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.creatorarchiver.e2e.ExpectedArchive.FileSource;
import org.creatorarchiver.e2e.ExpectedArchive.Item;
import org.creatorarchiver.e2e.ExpectedArchive.Video;
import org.creatorarchiver.media.StoreContents;
import org.creatorarchiver.testing.patreon.FakeCollection;
import org.creatorarchiver.testing.patreon.FakeCreator;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.creatorarchiver.testing.patreon.GeneratedPost;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Compares the archive (PostgreSQL and the media directory) with what the fake generated, post by post, and the
 * media store as a whole: every file is one distinct hash holding the right bytes, and every reference count is the
 * number of rows the expectations say point at that file. Differences are listed, the first 30 shown.
 */
final class ArchiveCheck {

    private final DSLContext db;
    private final Path mediaDir;
    private final FakePatreon patreon;
    private final Path videos;
    private final List<String> problems = new ArrayList<>();
    /** Expected references per file, by where its bytes come from. */
    private final Map<FileSource, Integer> expectedReferences = new HashMap<>();
    /** The file each expected source turned out to be, by media_files.id. */
    private final Map<FileSource, Long> fileOfSource = new HashMap<>();

    ArchiveCheck(DSLContext db, Path mediaDir, FakePatreon patreon, Path videos) {
        this.db = db;
        this.mediaDir = mediaDir;
        this.patreon = patreon;
        this.videos = videos;
    }

    void assertArchiveMatches(List<FakeCreator> creators) {
        for (FakeCreator creator : creators) {
            checkCreator(creator);
        }
        checkFiles();
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " differences between the archive and the fake:\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(30, problems.size()))));
        }
    }

    private void checkCreator(FakeCreator creator) {
        Record source = db.fetchOne(
                "SELECT id, status::text AS status FROM sources WHERE external_id = ?", creator.campaignId());
        if (source == null) {
            problems.add("no source for campaign " + creator.campaignId());
            return;
        }
        long sourceId = source.get("id", Long.class);
        expect(
                source.get("status", String.class).equals("active"),
                creator.vanity() + ": source status " + source.get("status"));
        Map<String, Record> posts = db.fetch(
                        "SELECT id, external_id, title, post_type, is_locked, status::text AS status "
                                + "FROM posts WHERE source_id = ?",
                        sourceId)
                .intoMap(r -> r.get("external_id", String.class));
        List<GeneratedPost> generated = creator.generatedPosts();
        expect(
                posts.size() == generated.size(),
                creator.vanity() + ": " + posts.size() + " posts archived, " + generated.size() + " on Patreon");
        for (int number = 0; number < generated.size(); number++) {
            GeneratedPost expected = generated.get(number);
            Record post = posts.get(expected.postId());
            if (post == null) {
                problems.add(creator.vanity() + ": post " + expected.postId() + " missing");
                continue;
            }
            checkPost(creator, expected, post, number);
        }
        checkCollections(creator, sourceId);
    }

    private void checkPost(FakeCreator creator, GeneratedPost expected, Record post, int number) {
        String label = "post " + expected.postId() + " (" + expected.kind() + (expected.locked() ? ", locked" : "")
                + (expected.longVideo() ? ", long" : "") + ")";
        expect(post.get("status", String.class).equals("completed"), label + ": status " + post.get("status"));
        expect(
                post.get("is_locked", Boolean.class) == expected.locked(),
                label + ": is_locked " + post.get("is_locked"));
        expect(
                ExpectedArchive.postType(expected.kind()).equals(post.get("post_type")),
                label + ": post_type " + post.get("post_type"));
        expect(
                ("Post " + number + " of " + creator.vanity()).equals(post.get("title")),
                label + ": title " + post.get("title"));
        long postId = post.get("id", Long.class);

        List<Item> items = ExpectedArchive.items(creator, expected);
        var rows = db.fetch(
                "SELECT kind::text AS kind, external_media_id, status::text AS status, media_file_id "
                        + "FROM post_media WHERE post_id = ? ORDER BY position",
                postId);
        List<String> actual = rows.map(r -> r.get("kind") + " " + r.get("external_media_id") + " " + r.get("status"));
        List<String> wanted = items.stream().map(Item::describe).toList();
        expect(actual.equals(wanted), label + ": media " + actual + ", expected " + wanted);
        if (actual.equals(wanted)) {
            for (int i = 0; i < items.size(); i++) {
                linkFile(label + " item " + i, items.get(i).file(), rows.get(i).get("media_file_id", Long.class));
            }
        }

        List<Video> videosWanted = ExpectedArchive.videos(expected);
        var videoRows = db.fetch(
                "SELECT id, provider::text AS provider, external_id, status::text AS status, media_file_id, "
                        + "extra_metadata::text AS extra FROM videos WHERE post_id = ? ORDER BY id",
                postId);
        List<String> videosActual =
                videoRows.map(r -> r.get("provider") + " " + r.get("external_id") + " " + r.get("status"));
        List<String> videosExpected = videosWanted.stream().map(Video::describe).toList();
        expect(
                videosActual.equals(videosExpected),
                label + ": videos " + videosActual + ", expected " + videosExpected);
        if (!videosActual.equals(videosExpected)) {
            return;
        }
        for (int i = 0; i < videosWanted.size(); i++) {
            Video video = videosWanted.get(i);
            Record row = videoRows.get(i);
            linkFile(label + " video", video.file(), row.get("media_file_id", Long.class));
            if (video.status().equals("skipped")) {
                String extra = row.get("extra", String.class);
                // Found at discovery (phase 1) or before processing (phase 2), whichever looked first.
                expect(
                        (extra.contains("\"skip_reason\": \"duration_exceeded\"")
                                        || extra.contains("\"skip_reason\": \"duration_exceeded_at_discovery\""))
                                && extra.contains("\"max_allowed_seconds\": 2159")
                                && extra.contains("\"actual_duration_seconds\": 3600")
                                && extra.contains("\"skipped_at\""),
                        label + ": skip metadata " + extra);
            }
            var subtitles = db.fetch(
                    "SELECT language, media_file_id FROM video_subtitles WHERE video_id = ? ORDER BY language",
                    row.get("id", Long.class));
            expect(
                    subtitles.map(s -> s.get("language", String.class)).equals(video.subtitles()),
                    label + ": subtitles " + subtitles.map(s -> s.get("language")) + ", expected " + video.subtitles());
            for (Record subtitle : subtitles) {
                linkFile(
                        label + " subtitles",
                        Optional.of(new ExpectedArchive.Subtitles(subtitle.get("language", String.class))),
                        subtitle.get("media_file_id", Long.class));
            }
        }
    }

    /** Notes that a row points at the file of {@code source} (or at none), and that file's expected bytes. */
    private void linkFile(String label, Optional<FileSource> source, Long mediaFileId) {
        if (source.isEmpty()) {
            expect(mediaFileId == null, label + ": has file " + mediaFileId + ", expected none");
            return;
        }
        if (mediaFileId == null) {
            problems.add(label + ": no file, expected " + source.get());
            return;
        }
        expectedReferences.merge(source.get(), 1, Integer::sum);
        Long known = fileOfSource.putIfAbsent(source.get(), mediaFileId);
        expect(
                known == null || known.equals(mediaFileId),
                label + ": file " + mediaFileId + ", but the same " + source.get() + " is file " + known
                        + " elsewhere (a duplicate)");
        Optional<String> hash = ExpectedArchive.hashOf(source.get(), patreon, videos);
        if (hash.isPresent()) {
            String stored = db.fetchValue("SELECT file_hash FROM media_files WHERE id = ?", mediaFileId)
                    .toString()
                    .strip();
            expect(
                    stored.equals(hash.get()),
                    label + ": file " + mediaFileId + " has hash " + stored + ", the bytes of " + source.get()
                            + " hash to " + hash.get());
        }
    }

    /**
     * The store as a whole: exactly one row per expected file (distinct hashes, nothing else), each file on disk
     * holding its hash's bytes, each count exactly the references expected, and no temp file left.
     */
    private void checkFiles() {
        StoreContents store = new StoreContents(db, mediaDir);
        store.assertConsistent();
        assertThat(store.tempFiles()).as("temp downloads left").isEmpty();
        Map<Long, Integer> counts = db.fetch("SELECT id, reference_count FROM media_files")
                .intoMap(r -> r.get("id", Long.class), r -> r.get("reference_count", Integer.class));
        Map<Long, List<FileSource>> sourcesOfFile = fileOfSource.entrySet().stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        expect(
                counts.keySet().equals(sourcesOfFile.keySet()),
                "files stored " + counts.keySet() + ", files the archive should point at " + sourcesOfFile.keySet());
        sourcesOfFile.forEach((fileId, sources) -> {
            int expected = sources.stream().mapToInt(expectedReferences::get).sum();
            expect(
                    counts.getOrDefault(fileId, 0) == expected,
                    "file " + fileId + " (" + sources + "): reference_count " + counts.get(fileId) + ", expected "
                            + expected);
        });
    }

    private void checkCollections(FakeCreator creator, long sourceId) {
        Map<String, Record> stored = db.fetch(
                        "SELECT id, external_id, title FROM collections WHERE source_id = ?", sourceId)
                .intoMap(r -> r.get("external_id", String.class));
        expect(
                stored.size() == creator.collections().size(),
                creator.vanity() + ": " + stored.size() + " collections, expected "
                        + creator.collections().size());
        for (FakeCollection collection : creator.collections()) {
            Record row = stored.get(collection.id());
            if (row == null) {
                problems.add(creator.vanity() + ": collection " + collection.id() + " missing");
                continue;
            }
            expect(
                    collection.title().equals(row.get("title")),
                    "collection " + collection.id() + ": title " + row.get("title"));
            List<String> postIds = db.fetch(
                            "SELECT post_external_id FROM collection_posts WHERE collection_id = ? "
                                    + "ORDER BY position",
                            row.get("id", Long.class))
                    .map(r -> r.get(0, String.class));
            expect(
                    postIds.equals(collection.postIds()),
                    "collection " + collection.id() + ": posts " + postIds + ", expected " + collection.postIds());
        }
    }

    private void expect(boolean holds, String problem) {
        if (!holds) {
            problems.add(problem);
        }
    }
}
