package org.creatorarchiver.testing.patreon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A creator on the {@link FakePatreon}: its ids and posts, generated from the sample posts (each generated post
 * copies one of the seven sample posts' shapes, in turn, with its own id, title, URL and dates). Tests change it
 * between syncs: add posts, edit one, lock one, set a video's duration.
 */
public final class FakeCreator {

    private static final Instant FIRST_POST = Instant.parse("2025-01-01T12:00:00Z");
    private static final List<ObjectNode> TEMPLATES = templates();
    private static final Map<String, ObjectNode> SAMPLE_INCLUDED = sampleIncluded();
    private static final List<String> SAMPLE_MEDIA_IDS = SAMPLE_INCLUDED.values().stream()
            .filter(resource -> resource.path("type").asText().equals("media"))
            .map(resource -> resource.path("id").asText())
            .distinct()
            .toList();
    private static final String SAMPLE_YOUTUBE_ID = "yT3mbedID01";
    private static final String SAMPLE_VIDEO_ID = "216581623";
    private static final String MUX_HOST = "https://stream.mux.com/";
    private static final java.util.regex.Pattern FILE_KEY =
            java.util.regex.Pattern.compile("(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])");

    private final String vanity;
    private final String campaignId;
    private final String userId;
    /** Oldest first; served newest first. */
    private final List<ObjectNode> posts = new ArrayList<>();
    /** In the order the collections list shows them. */
    private final Map<String, FakeCollection> collections = new LinkedHashMap<>();
    /** What {@link #addPostsOfEveryKind} made, oldest first. */
    private final List<GeneratedPost> generated = new ArrayList<>();
    /** The renamed media resources of the variant posts, by {@code type/id}. */
    private final Map<String, ObjectNode> variantIncluded = new java.util.HashMap<>();

    FakeCreator(String vanity, String campaignId, String userId) {
        this.vanity = vanity;
        this.campaignId = campaignId;
        this.userId = userId;
    }

    public String vanity() {
        return vanity;
    }

    public String campaignId() {
        return campaignId;
    }

    public String userId() {
        return userId;
    }

    /** Adds {@code count} newer posts, copying the seven sample posts' shapes in turn (with the samples' media). */
    public synchronized FakeCreator addPosts(int count) {
        for (int i = 0; i < count; i++) {
            int number = posts.size();
            ObjectNode post = TEMPLATES.get(number % TEMPLATES.size()).deepCopy();
            posts.add(stamp(post, number));
        }
        return this;
    }

    /**
     * Adds {@code count} newer posts of every kind (see {@link GeneratedPost.Kind}, in turn) and three collections
     * of them, as a whole creator for end-to-end runs. The media come in variants: posts of the same kind and
     * variant show the same media (one file, many references); variant 2 shows variant 1's bytes under other media
     * ids. Every tenth post is locked, and every fourth Patreon video is {@link GeneratedPost#LONG_VIDEO_SECONDS}
     * long. {@link #generatedPosts()} says what each post is.
     */
    public synchronized FakeCreator addPostsOfEveryKind(int count) {
        int first = generated.size();
        for (int i = 0; i < count; i++) {
            int k = first + i;
            GeneratedPost.Kind kind = GeneratedPost.Kind.values()[k % TEMPLATES.size()];
            int round = k / TEMPLATES.size();
            boolean longVideo = kind == GeneratedPost.Kind.PATREON_VIDEO && round % 4 == 3;
            int variant = round % 3;
            int number = posts.size();
            ObjectNode post =
                    variantOf(TEMPLATES.get(kind.ordinal()), longVideo ? GeneratedPost.LONG_VIDEO_VARIANT : variant);
            stamp(post, number);
            posts.add(post);
            GeneratedPost described = new GeneratedPost(postId(number), kind, variant, k % 10 == 9, longVideo);
            if (longVideo) {
                lengthen(post, described);
            }
            if (described.locked()) {
                lock(described.postId());
            }
            generated.add(described);
        }
        List<GeneratedPost> added = generated.subList(first, generated.size());
        for (int series = 0; series < 3; series++) {
            int member = series * 2;
            String[] ids = added.stream()
                    .filter(p -> generated.indexOf(p) % 6 == member)
                    .map(GeneratedPost::postId)
                    .toArray(String[]::new);
            String id = campaignId + String.format("%03d", collections.size());
            addCollection(
                    id,
                    "Series " + (collections.size() + 1) + " of " + vanity,
                    "Every sixth post, from number " + (first + member) + ".",
                    ids);
        }
        return this;
    }

    /** What each post {@link #addPostsOfEveryKind} added is, oldest first. */
    public synchronized List<GeneratedPost> generatedPosts() {
        return List.copyOf(generated);
    }

    /** Where Patreon says the bytes of a media resource of this creator's posts are ({@code download_url}). */
    public synchronized String mediaDownloadUrl(String mediaId) {
        ObjectNode media = variantIncluded.getOrDefault("media/" + mediaId, SAMPLE_INCLUDED.get("media/" + mediaId));
        if (media == null || !media.at("/attributes/download_url").isTextual()) {
            throw new IllegalArgumentException("no media " + mediaId + " with a download URL on " + vanity);
        }
        return media.at("/attributes/download_url").asText();
    }

    /** Gives the post its number's id, title, URL and dates. */
    private ObjectNode stamp(ObjectNode post, int number) {
        String id = postId(number);
        post.put("id", id);
        ObjectNode attributes = (ObjectNode) post.get("attributes");
        String slug = "post-" + number + "-of-" + vanity;
        attributes.put("title", "Post " + number + " of " + vanity);
        attributes.put("url", "https://www.patreon.com/posts/" + slug + "-" + id);
        attributes.put("patreon_url", "/posts/" + slug + "-" + id);
        String published = FIRST_POST.plus(number, ChronoUnit.HOURS).toString().replace("Z", ".000+00:00");
        attributes.put("published_at", published);
        attributes.put("created_at", published);
        attributes.put("edited_at", published);
        attributes.put("current_user_can_view", true);
        return post;
    }

    /**
     * A copy of the template showing the variant's media: its media ids, CDN file keys and YouTube id renamed, in the
     * post and in the included resources it points at (kept by this creator).
     */
    private ObjectNode variantOf(ObjectNode template, int variant) {
        if (variant == 0) {
            return template.deepCopy();
        }
        ObjectNode post = PatreonSamples.parse(renamed(template.toString(), variant), "variant post");
        ArrayNode resources = sampleIncludedFor(List.of(template), PatreonSamples.JSON.createArrayNode());
        resources.forEach(resource -> {
            ObjectNode copy = PatreonSamples.parse(renamed(resource.toString(), variant), "variant resource");
            variantIncluded.put(
                    copy.path("type").asText() + "/" + copy.path("id").asText(), copy);
        });
        return post;
    }

    private static String renamed(String json, int variant) {
        String renamed = json;
        for (String mediaId : SAMPLE_MEDIA_IDS) {
            renamed = renamed.replaceAll(
                    "(?<![0-9])" + mediaId + "(?![0-9])", GeneratedPost.renamedMediaId(mediaId, variant));
        }
        renamed = renamed.replace(SAMPLE_YOUTUBE_ID, GeneratedPost.renamedYouTubeId(variant));
        return FILE_KEY.matcher(renamed).replaceAll(key -> GeneratedPost.renamedFileKey(key.group(), variant));
    }

    /** Makes a long video's post and its media resource say {@link GeneratedPost#LONG_VIDEO_SECONDS}. */
    private void lengthen(ObjectNode post, GeneratedPost described) {
        ObjectNode postFile = (ObjectNode) post.path("attributes").path("post_file");
        postFile.put("duration", GeneratedPost.LONG_VIDEO_SECONDS);
        postFile.put("full_content_duration", GeneratedPost.LONG_VIDEO_SECONDS);
        ObjectNode media = variantIncluded.get("media/" + described.mediaId(SAMPLE_VIDEO_ID));
        ((ObjectNode) media.path("attributes").path("metadata")).put("duration", GeneratedPost.LONG_VIDEO_SECONDS);
    }

    /** Adds the seven sample posts with their own ids (150000000 to 150000006), as the sample collections name them. */
    public synchronized FakeCreator addSamplePosts() {
        TEMPLATES.forEach(post -> posts.add(post.deepCopy()));
        return this;
    }

    /** Adds a collection with its posts in the creator's order; it is listed after the ones added before. */
    public synchronized FakeCollection addCollection(String id, String title, String description, String... postIds) {
        FakeCollection collection = new FakeCollection(id, title, description, List.of(postIds));
        collections.put(id, collection);
        return collection;
    }

    /** The sample's collections: 15764301 "Behind the Scenes" and 15764302 "Podcast", with their post ids. */
    public synchronized FakeCreator addSampleCollections() {
        PatreonSamples.json("collections-list.json").get("data").forEach(sample -> {
            JsonNode attributes = sample.path("attributes");
            List<String> ids = new ArrayList<>();
            attributes.path("post_ids").forEach(id -> ids.add(id.asText()));
            addCollection(
                    sample.path("id").asText(),
                    attributes.path("title").asText(),
                    attributes.path("description").asText(),
                    ids.toArray(String[]::new));
        });
        return this;
    }

    public synchronized FakeCollection collection(String id) {
        FakeCollection collection = collections.get(id);
        if (collection == null) {
            throw new IllegalArgumentException("no collection " + id + " on " + vanity);
        }
        return collection;
    }

    /** The creator deletes the collection (its posts stay). */
    public synchronized void deleteCollection(String id) {
        if (collections.remove(id) == null) {
            throw new IllegalArgumentException("no collection " + id + " on " + vanity);
        }
    }

    /** The collections, in the order the collections list shows them. */
    public synchronized List<FakeCollection> collections() {
        return List.copyOf(collections.values());
    }

    synchronized Optional<FakeCollection> findCollection(String id) {
        return Optional.ofNullable(collections.get(id));
    }

    /** The external id of the {@code number}-th post (0 = the oldest). */
    public String postId(int number) {
        return campaignId + String.format("%05d", number);
    }

    public synchronized int postCount() {
        return posts.size();
    }

    public synchronized List<String> postIds() {
        return posts.stream().map(post -> post.get("id").asText()).toList();
    }

    /** Sets the post's {@code edited_at} an hour later, as an edit on Patreon does. */
    public synchronized void edit(String postId) {
        ObjectNode attributes = attributes(postId);
        Instant edited = Instant.parse(attributes.get("edited_at").asText().replace(".000+00:00", "Z"));
        attributes.put("edited_at", edited.plus(1, ChronoUnit.HOURS).toString().replace("Z", ".000+00:00"));
    }

    /** Shows the post as a viewer without access sees it. */
    public synchronized void lock(String postId) {
        ObjectNode attributes = attributes(postId);
        attributes.put("current_user_can_view", false);
        if (!attributes.path("teaser_text").isTextual()) {
            attributes.put(
                    "teaser_text", "A preview of " + attributes.path("title").asText() + " for patrons.");
        }
        attributes.putNull("content");
        attributes.putNull("content_json_string");
    }

    /** Makes the post a Patreon video post whose {@code post_file} reports {@code seconds}. */
    public synchronized void setVideoDuration(String postId, double seconds) {
        ObjectNode post = post(postId);
        ObjectNode video = TEMPLATES.stream()
                .filter(t -> t.path("attributes").path("post_type").asText().equals("video_external_file"))
                .findFirst()
                .orElseThrow()
                .deepCopy();
        ObjectNode attributes = attributes(postId);
        attributes.put("post_type", "video_external_file");
        ObjectNode postFile = ((ObjectNode) video.path("attributes").path("post_file")).deepCopy();
        postFile.put("duration", seconds);
        postFile.put("full_content_duration", seconds);
        attributes.set("post_file", postFile);
        post.set("relationships", video.get("relationships").deepCopy());
    }

    /**
     * Makes the post's Patreon video one whose Mux stream carries an English subtitle rendition (the fake's Mux host
     * serves {@link TestVideos#CAPTIONED_MUX_PLAYLIST} for it), as Mux serves a video with captions.
     */
    public synchronized void captionVideo(String postId) {
        ObjectNode postFile = (ObjectNode) attributes(postId).path("post_file");
        String url = postFile.path("url").asText();
        if (!url.startsWith(MUX_HOST)) {
            throw new IllegalStateException("post " + postId + " has no Mux video to caption: " + url);
        }
        postFile.put("url", MUX_HOST + "captioned-" + url.substring(MUX_HOST.length()));
        postFile.put("closed_captions_enabled", true);
    }

    /** The post's video as a locked post shows it: no {@code post_file}, the length in {@code video_preview}. */
    public synchronized void lockVideoWithPreview(String postId, double seconds) {
        setVideoDuration(postId, seconds);
        lock(postId);
        ObjectNode attributes = attributes(postId);
        attributes.putNull("post_file");
        ObjectNode preview = attributes.putObject("video_preview");
        preview.put("url", "https://stream.mux.com/preview.m3u8?token=x");
        preview.put("media_id", 216581700);
        preview.put("duration", 30.0);
        preview.put("full_content_duration", seconds);
    }

    /** Copies of the posts at positions {@code from} (inclusive) to {@code to} of the newest-first listing. */
    /** A copy of the post, as {@code /api/posts/{id}} shows it; empty when this creator has no such post. */
    synchronized java.util.Optional<ObjectNode> find(String postId) {
        return posts.stream()
                .filter(p -> p.get("id").asText().equals(postId))
                .findFirst()
                .map(ObjectNode::deepCopy);
    }

    /** Takes the media of one relationship ({@code attachments_media}, {@code images}...) off the post. */
    public synchronized void removeRelationship(String postId, String relationship) {
        ObjectNode relationships = (ObjectNode) post(postId).path("relationships");
        relationships.putObject(relationship).putArray("data");
    }

    /** Replaces the post's text with a TipTap document ({@code content} null, as Patreon's 2026 editor sends). */
    public synchronized void setTipTap(String postId, String documentJson) {
        ObjectNode attributes = attributes(postId);
        attributes.putNull("content");
        attributes.put("content_json_string", documentJson);
    }

    /** Makes the post a YouTube embed of {@code url} (e.g. a local video page standing in for YouTube). */
    public synchronized void embedYouTube(String postId, String url) {
        embed(postId, "YouTube", "https://www.youtube.com/", url);
    }

    /** Makes the post a Vimeo embed of {@code url}, which may be on any host. */
    public synchronized void embedVimeo(String postId, String url) {
        embed(postId, "Vimeo", "https://vimeo.com/", url);
    }

    private void embed(String postId, String provider, String providerUrl, String url) {
        ObjectNode attributes = attributes(postId);
        attributes.put("post_type", "video_embed");
        attributes.putNull("post_file");
        ObjectNode embed = attributes.putObject("embed");
        embed.put("provider", provider)
                .put("provider_url", providerUrl)
                .put("url", url)
                .put("subject", "A video")
                .put("description", "")
                .put("html", "<iframe src=\"" + url + "\"></iframe>");
    }

    synchronized List<ObjectNode> newestFirst(int from, int to) {
        List<ObjectNode> page = new ArrayList<>();
        for (int position = from; position < to && position < posts.size(); position++) {
            page.add(posts.get(posts.size() - 1 - position).deepCopy());
        }
        return page;
    }

    /** The included resources the given posts point at (the samples' media, users, tags...), each once. */
    synchronized ArrayNode includedFor(List<ObjectNode> page, ArrayNode into) {
        return included(page, into, key -> variantIncluded.getOrDefault(key, SAMPLE_INCLUDED.get(key)));
    }

    private static ArrayNode sampleIncludedFor(List<ObjectNode> page, ArrayNode into) {
        return included(page, into, SAMPLE_INCLUDED::get);
    }

    private static ArrayNode included(
            List<ObjectNode> page, ArrayNode into, java.util.function.Function<String, ObjectNode> resources) {
        Map<String, ObjectNode> included = new LinkedHashMap<>();
        for (ObjectNode post : page) {
            post.path("relationships").properties().forEach(relationship -> {
                JsonNode data = relationship.getValue().path("data");
                List<JsonNode> links = data.isArray() ? toList(data) : data.isObject() ? List.of(data) : List.of();
                for (JsonNode link : links) {
                    String key =
                            link.path("type").asText() + "/" + link.path("id").asText();
                    ObjectNode resource = resources.apply(key);
                    if (resource != null) {
                        included.putIfAbsent(key, resource);
                    }
                }
            });
        }
        included.values().forEach(resource -> into.add(resource.deepCopy()));
        return into;
    }

    private ObjectNode post(String postId) {
        return posts.stream()
                .filter(p -> p.get("id").asText().equals(postId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no post " + postId + " on " + vanity));
    }

    private ObjectNode attributes(String postId) {
        return (ObjectNode) post(postId).get("attributes");
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /** The seven sample posts, oldest first. */
    private static List<ObjectNode> templates() {
        List<ObjectNode> templates = new ArrayList<>();
        for (String page : List.of("posts-page-2-last.json", "posts-page-1.json")) {
            List<ObjectNode> data = new ArrayList<>();
            PatreonSamples.json(page).get("data").forEach(post -> data.add((ObjectNode) post));
            Collections.reverse(data);
            templates.addAll(data);
        }
        return List.copyOf(templates);
    }

    private static Map<String, ObjectNode> sampleIncluded() {
        Map<String, ObjectNode> included = new LinkedHashMap<>();
        for (String page : List.of(
                "posts-page-1.json",
                "posts-page-2-last.json",
                "post-image-attachments.json",
                "post-audio.json",
                "post-video-mux.json",
                "post-youtube-embed.json",
                "post-vimeo-embed.json",
                "post-text-content-json.json")) {
            PatreonSamples.json(page)
                    .get("included")
                    .forEach(resource -> included.putIfAbsent(
                            resource.path("type").asText() + "/"
                                    + resource.path("id").asText(),
                            (ObjectNode) resource));
        }
        return included;
    }
}
