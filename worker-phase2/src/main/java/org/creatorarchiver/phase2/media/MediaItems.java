package org.creatorarchiver.phase2.media;

import static org.creatorarchiver.phase2.media.MediaJson.downloadUrl;
import static org.creatorarchiver.phase2.media.MediaJson.metadata;
import static org.creatorarchiver.phase2.media.MediaJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.patreon.content.InlineImage;
import org.creatorarchiver.patreon.content.PostContent;
import org.creatorarchiver.patreon.content.VideoLink;
import org.creatorarchiver.patreon.content.VideoLinks;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.creatorarchiver.patreon.jsonapi.ResourceKey;

/**
 * Every media item of a post, in the order a reader meets them: the main file (video or audio), the images (in
 * {@code post_metadata.image_order}), the attachments, the inline images of the text, the embed, then YouTube links
 * in the text. Each item appears once: the same media id (an image that is also the post file, an inline image also
 * listed in {@code images}) or the same YouTube id is not listed twice.
 */
public final class MediaItems {

    /** The 32-hex segment of a CDN URL that names the file across its variants and signatures. */
    private static final Pattern CDN_FILE_KEY = Pattern.compile("/([0-9a-f]{32})(?:/|$|\\?)");

    private MediaItems() {}

    public static List<MediaItem> of(JsonApiDocument document, JsonApiResource post, PostContent content) {
        Map<String, MediaItem> items = new LinkedHashMap<>();
        MainFile.of(document, post).ifPresent(item -> add(items, item));
        images(document, post).forEach(item -> add(items, item));
        document.related(post, "attachments_media").forEach(media -> add(items, attachment(media)));
        document.related(post, "attachments")
                .forEach(legacy -> legacyAttachment(legacy).ifPresent(item -> add(items, item)));
        for (InlineImage inline : content.inlineImages()) {
            add(items, inlineImage(document, inline));
        }
        embed(post).ifPresent(item -> add(items, item));
        for (VideoLink link : content.youTubeLinks()) {
            add(items, youTube(link.id(), link.url(), "text_link", null));
        }
        return List.copyOf(items.values());
    }

    private static void add(Map<String, MediaItem> items, MediaItem item) {
        // An image listed again (post_file, inline) and a YouTube video embedded and linked are one item each.
        String key = item.kind() == PostMediaKind.embed || item.kind() == PostMediaKind.image
                ? item.kind() + ":" + item.externalMediaId().orElse(item.identity())
                : item.identity();
        items.putIfAbsent(key, item);
    }

    /** The post's images in display order ({@code post_metadata.image_order}, then any not listed there). */
    private static List<MediaItem> images(JsonApiDocument document, JsonApiResource post) {
        List<JsonApiResource> images = new ArrayList<>(document.related(post, "images"));
        List<String> order = new ArrayList<>();
        post.attribute("post_metadata").path("image_order").forEach(id -> order.add(id.asText()));
        images.sort((a, b) -> Integer.compare(rank(order, a.id()), rank(order, b.id())));
        return images.stream()
                .map(media -> image(Optional.of(media), media.id(), downloadUrl(media), "images"))
                .toList();
    }

    private static int rank(List<String> order, String id) {
        int index = order.indexOf(id);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static MediaItem inlineImage(JsonApiDocument document, InlineImage inline) {
        Optional<JsonApiResource> media = document.included(new ResourceKey("media", inline.mediaId()));
        Optional<String> url = media.flatMap(MediaJson::downloadUrl).or(() -> Optional.ofNullable(inline.src()));
        return image(media, inline.mediaId(), url, "inline");
    }

    private static MediaItem image(
            Optional<JsonApiResource> media, String mediaId, Optional<String> url, String placement) {
        ObjectNode metadata = metadata(media);
        metadata.put("placement", placement);
        url.flatMap(MediaItems::cdnFileKey).ifPresent(key -> metadata.put("cdn_file_key", key));
        return new MediaItem(
                PostMediaKind.image, url, Optional.of(mediaId), Optional.empty(), OptionalDouble.empty(), metadata);
    }

    private static MediaItem attachment(JsonApiResource media) {
        ObjectNode metadata = metadata(Optional.of(media));
        Optional<String> url = downloadUrl(media);
        url.flatMap(MediaItems::cdnFileKey).ifPresent(key -> metadata.put("cdn_file_key", key));
        return new MediaItem(
                PostMediaKind.attachment,
                url,
                Optional.of(media.id()),
                Optional.empty(),
                OptionalDouble.empty(),
                metadata);
    }

    /** Pre-2020 attachments: {@code {name, url}} pointing at {@code /file?h=&i=}. */
    private static Optional<MediaItem> legacyAttachment(JsonApiResource attachment) {
        Optional<String> url = attachment.nonBlankText("url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("legacy_attachment_id", attachment.id());
        attachment.nonBlankText("name").ifPresent(name -> metadata.put("file_name", name));
        return Optional.of(new MediaItem(
                PostMediaKind.attachment, url, Optional.empty(), Optional.empty(), OptionalDouble.empty(), metadata));
    }

    /** {@code embed}: YouTube and Vimeo get their ids (and a videos row later); other providers are kept as links. */
    private static Optional<MediaItem> embed(JsonApiResource post) {
        JsonNode embed = post.attribute("embed");
        Optional<String> url = text(embed, "url");
        if (!embed.isObject() || url.isEmpty()) {
            return Optional.empty();
        }
        String provider = text(embed, "provider").orElse("");
        String html = text(embed, "html").orElse(null);
        Optional<VideoLink> video = VideoLinks.ofEmbed(provider, url.get());
        if (video.isPresent() && video.get().provider() == VideoLink.Provider.YOUTUBE) {
            return Optional.of(youTube(video.get().id(), url.get(), "embed", html));
        }
        return Optional.of(vimeoOrLink(url, video.map(VideoLink::id), embedMetadata(embed, provider, html)));
    }

    /** A Vimeo embed (its id gives it a videos row) or another provider's, kept as a link. */
    private static MediaItem vimeoOrLink(Optional<String> url, Optional<String> vimeoId, ObjectNode metadata) {
        Optional<MediaItem.VideoSource> vimeo = vimeoId.map(id -> MediaItem.VideoSource.VIMEO);
        return new MediaItem(PostMediaKind.embed, url, vimeoId, vimeo, OptionalDouble.empty(), metadata);
    }

    private static ObjectNode embedMetadata(JsonNode embed, String provider, String html) {
        ObjectNode metadata =
                JsonNodeFactory.instance.objectNode().put("provider", provider).put("source", "embed");
        text(embed, "subject").ifPresent(subject -> metadata.put("title", subject));
        if (html != null) {
            metadata.put("provider_html", html);
        }
        return metadata;
    }

    private static MediaItem youTube(String videoId, String url, String source, String providerHtml) {
        ObjectNode metadata =
                JsonNodeFactory.instance.objectNode().put("provider", "YouTube").put("source", source);
        if (providerHtml != null) {
            metadata.put("provider_html", providerHtml);
        }
        return new MediaItem(
                PostMediaKind.embed,
                Optional.of(url),
                Optional.of(videoId),
                Optional.of(MediaItem.VideoSource.YOUTUBE),
                OptionalDouble.empty(),
                metadata);
    }

    static Optional<String> cdnFileKey(String url) {
        Matcher matcher = CDN_FILE_KEY.matcher(MediaItem.withoutQuery(url) + "/");
        String key = null;
        while (matcher.find()) {
            key = matcher.group(1);
        }
        return Optional.ofNullable(key);
    }
}
