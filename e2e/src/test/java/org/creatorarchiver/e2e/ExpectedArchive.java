package org.creatorarchiver.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.creatorarchiver.testing.patreon.FakeCreator;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.creatorarchiver.testing.patreon.GeneratedPost;
import org.creatorarchiver.testing.patreon.GeneratedPost.Kind;
import org.creatorarchiver.testing.patreon.TestVideos;

/**
 * What the archive must hold for a generated creator, written from the contract (docs/ARCHITECTURE.md "Media
 * decisions") with the end-to-end settings: images kept as URLs, Patreon audio, attachments and videos downloaded,
 * YouTube downloaded with en/es subtitles, Vimeo embedded, the default 2159 s limit; a locked post's media are "view on
 * Patreon" (its text, and so its inline images, is hidden), and a video over the limit is skipped, locked or not.
 */
final class ExpectedArchive {

    /** Where an expected file's bytes come from. */
    sealed interface FileSource {}

    /** The fake CDN's bytes at this URL. */
    record CdnFile(String url) implements FileSource {}

    /** The video site's clip, byte for byte (yt-dlp keeps an mp4 as it is). */
    record Clip() implements FileSource {}

    /** The Mux HLS stream as yt-dlp joins it (its bytes are yt-dlp's and ffmpeg's to decide). */
    record MuxStream() implements FileSource {}

    record Subtitles(String language) implements FileSource {}

    /** A row of {@code post_media}, in position order. */
    record Item(String kind, String mediaId, String status, Optional<FileSource> file) {
        String describe() {
            return kind + " " + mediaId + " " + status;
        }
    }

    /** A row of {@code videos}. */
    record Video(String provider, String externalId, String status, Optional<FileSource> file, List<String> subtitles) {
        String describe() {
            return provider + " " + externalId + " " + status;
        }
    }

    private ExpectedArchive() {}

    static String postType(Kind kind) {
        return switch (kind) {
            case IMAGE_WITH_INLINE_IMAGE, IMAGES_AND_ATTACHMENT -> "image_file";
            case VIMEO, YOUTUBE -> "video_embed";
            case AUDIO -> "audio_file";
            case PATREON_VIDEO -> "video_external_file";
            case TIPTAP_TEXT -> "text_only";
        };
    }

    static List<Item> items(FakeCreator creator, GeneratedPost post) {
        List<Item> items = new ArrayList<>();
        switch (post.kind()) {
            case IMAGE_WITH_INLINE_IMAGE -> {
                items.add(urlOnly(post, "image", "700000002"));
                if (!post.locked()) {
                    items.add(urlOnly(post, "image", "700000001"));
                }
            }
            case VIMEO -> items.add(embed(post, "905512347", "embedded", Optional.empty()));
            case IMAGES_AND_ATTACHMENT -> {
                items.add(urlOnly(post, "image", "700000021"));
                items.add(urlOnly(post, "image", "700000022"));
                items.add(downloaded(creator, post, "attachment", "700000023"));
            }
            case AUDIO -> items.add(downloaded(creator, post, "audio", "216500777"));
            case PATREON_VIDEO ->
                items.add(new Item(
                        "video",
                        post.mediaId("216581623"),
                        videoStatus(post, "downloaded"),
                        post.locked() || post.longVideo() ? Optional.empty() : Optional.of(new MuxStream())));
            case YOUTUBE -> items.add(embed(post, post.youTubeId(), "downloaded", Optional.of(new Clip())));
            case TIPTAP_TEXT -> {
                if (!post.locked()) {
                    items.add(urlOnly(post, "image", "700000061"));
                }
            }
        }
        return items;
    }

    static List<Video> videos(GeneratedPost post) {
        return switch (post.kind()) {
            case VIMEO ->
                List.of(new Video(
                        "vimeo",
                        "905512347",
                        post.locked() ? "view_on_patreon" : "embedded",
                        Optional.empty(),
                        List.of()));
            case PATREON_VIDEO -> {
                String status = videoStatus(post, "completed");
                yield List.of(new Video(
                        "patreon",
                        post.mediaId("216581623"),
                        status,
                        status.equals("completed") ? Optional.of(new MuxStream()) : Optional.empty(),
                        List.of()));
            }
            case YOUTUBE ->
                post.locked()
                        ? List.of(
                                new Video("youtube", post.youTubeId(), "view_on_patreon", Optional.empty(), List.of()))
                        : List.of(new Video(
                                "youtube",
                                post.youTubeId(),
                                "completed",
                                Optional.of(new Clip()),
                                List.of("en", "es")));
            default -> List.of();
        };
    }

    /** The SHA-256 the archive must have for a file whose bytes the fake decides. */
    static Optional<String> hashOf(FileSource source, FakePatreon patreon, Path videos) {
        try {
            return switch (source) {
                case CdnFile cdn -> Optional.of(sha256(patreon.cdn().bytesOf(cdn.url())));
                case Clip clip -> Optional.of(sha256(Files.readAllBytes(videos.resolve(TestVideos.CLIP))));
                case MuxStream mux -> Optional.empty();
                case Subtitles subtitles -> Optional.empty();
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A video over the limit is skipped even when locked; otherwise a locked post's video is only on Patreon. */
    private static String videoStatus(GeneratedPost post, String whenArchived) {
        return post.longVideo() ? "skipped" : post.locked() ? "view_on_patreon" : whenArchived;
    }

    private static Item urlOnly(GeneratedPost post, String kind, String sampleMediaId) {
        return new Item(
                kind, post.mediaId(sampleMediaId), post.locked() ? "view_on_patreon" : "url_only", Optional.empty());
    }

    private static Item downloaded(FakeCreator creator, GeneratedPost post, String kind, String sampleMediaId) {
        String mediaId = post.mediaId(sampleMediaId);
        return post.locked()
                ? new Item(kind, mediaId, "view_on_patreon", Optional.empty())
                : new Item(kind, mediaId, "downloaded", Optional.of(new CdnFile(creator.mediaDownloadUrl(mediaId))));
    }

    private static Item embed(GeneratedPost post, String id, String status, Optional<FileSource> file) {
        return post.locked()
                ? new Item("embed", id, "view_on_patreon", Optional.empty())
                : new Item("embed", id, status, file);
    }
}
