package org.creatorarchiver.patreon;

import okhttp3.HttpUrl;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.http.LoggableUrl;
import org.creatorarchiver.http.PatreonHttp;
import org.creatorarchiver.http.PatreonResponse;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;

/**
 * The calls the archiver makes to Patreon's internal web API (patreon-api.md 1), with the {@code include} and
 * {@code fields} that phase 2 needs, so that a listing page already carries everything a post's processing reads
 * (including {@code content_json_string}, which Patreon only sends when asked for). Every URL is on
 * {@code PATREON_BASE_URL}.
 */
public final class PatreonApi {

    /** Relationships phase 2 reads; unknown ones are ignored by Patreon (and by a fake). */
    static final String POST_INCLUDE = String.join(
            ",",
            "campaign",
            "access_rules",
            "attachments",
            "attachments_media",
            "audio",
            "audio_preview.null",
            "images",
            "media",
            "native_video_insights",
            "user",
            "user_defined_tags",
            "collections");

    static final String POST_FIELDS = String.join(
            ",",
            "title",
            "content",
            "content_json_string",
            "teaser_text",
            "post_type",
            "published_at",
            "created_at",
            "edited_at",
            "change_visibility_at",
            "url",
            "patreon_url",
            "current_user_can_view",
            "is_paid",
            "min_cents_pledged_to_view",
            "pledge_url",
            "upgrade_url",
            "embed",
            "image",
            "thumbnail",
            "thumbnail_url",
            "meta_image_url",
            "post_file",
            "post_metadata",
            "video_preview",
            "preview_asset_type",
            "comment_count",
            "like_count",
            "was_posted_by_campaign_owner");
    static final String MEDIA_FIELDS = String.join(
            ",",
            "id",
            "image_urls",
            "download_url",
            "metadata",
            "file_name",
            "mimetype",
            "media_type",
            "size_bytes",
            "display",
            "owner_relationship",
            "state",
            "created_at");

    private final PatreonHttp http;

    public PatreonApi(PatreonHttp http) {
        this.http = http;
    }

    public PatreonHttp http() {
        return http;
    }

    /** The first page of a campaign's posts, newest first. Later pages are the pages' {@code links.next}. */
    public HttpUrl campaignPostsUrl(String campaignId) {
        return withPostFields(http.url("/api/posts")
                        .newBuilder()
                        .addQueryParameter("filter[campaign_id]", campaignId)
                        .addQueryParameter("filter[contains_exclusive_posts]", "true")
                        .addQueryParameter("filter[is_draft]", "false")
                        .addQueryParameter("sort", "-published_at"))
                .build();
    }

    /** One post with the same relationships and fields as the listing (fresh signed media URLs). */
    public HttpUrl postUrl(String postId) {
        return withPostFields(http.url("/api/posts/" + postId).newBuilder()).build();
    }

    /**
     * The first page of a campaign's collections (patreon-api.md 1.4), each with its attributes and, as far as
     * Patreon shows them here, its {@code post_ids}. Later pages, if any, are the pages' {@code links.next}.
     */
    public HttpUrl campaignCollectionsUrl(String campaignId) {
        return http.url("/api/collection")
                .newBuilder()
                .addQueryParameter("filter[campaign_id]", campaignId)
                .addQueryParameter("filter[must_contain_at_least_one_published_post]", "true")
                .addQueryParameter("sort", "-edited_at")
                .addQueryParameter("json-api-version", "1.0")
                .addQueryParameter("json-api-use-default-includes", "false")
                .build();
    }

    /** One collection with its attributes, {@code post_ids} included. */
    public HttpUrl collectionUrl(String collectionId) {
        return http.url("/api/collection/" + collectionId)
                .newBuilder()
                .addQueryParameter("json-api-version", "1.0")
                .addQueryParameter("json-api-use-default-includes", "false")
                .build();
    }

    /**
     * The first page of a collection's posts in the creator's order ({@code sort=collection_order}, which Patreon
     * accepts only with a campaign filter). Only the ids are needed, so only a small field is asked for.
     */
    public HttpUrl collectionPostsUrl(String campaignId, String collectionId) {
        return http.url("/api/posts")
                .newBuilder()
                .addQueryParameter("filter[campaign_id]", campaignId)
                .addQueryParameter("filter[contains_exclusive_posts]", "true")
                .addQueryParameter("filter[is_draft]", "false")
                .addQueryParameter("filter[collection_id]", collectionId)
                .addQueryParameter("filter[include_drops]", "true")
                .addQueryParameter("sort", "collection_order")
                .addQueryParameter("fields[post]", "published_at")
                .addQueryParameter("json-api-use-default-includes", "false")
                .addQueryParameter("json-api-version", "1.0")
                .build();
    }

    public HttpUrl searchUrl(String query) {
        return http.url("/api/search")
                .newBuilder()
                .addQueryParameter("q", query)
                .addQueryParameter("page[size]", "5")
                .addQueryParameter("json-api-version", "1.0")
                .build();
    }

    public HttpUrl campaignUrl(String campaignId) {
        return http.url("/api/campaigns/" + campaignId)
                .newBuilder()
                .addQueryParameter("fields[campaign]", "name,url,vanity")
                .addQueryParameter("json-api-use-default-includes", "false")
                .addQueryParameter("json-api-version", "1.0")
                .build();
    }

    public HttpUrl userUrl(String userId) {
        return http.url("/api/user/" + userId)
                .newBuilder()
                .addQueryParameter("include", "campaign")
                .addQueryParameter("fields[user]", "full_name,vanity,url")
                .addQueryParameter("json-api-version", "1.0")
                .build();
    }

    private static HttpUrl.Builder withPostFields(HttpUrl.Builder url) {
        return url.addQueryParameter("include", POST_INCLUDE)
                .addQueryParameter("fields[post]", POST_FIELDS)
                .addQueryParameter("fields[media]", MEDIA_FIELDS)
                .addQueryParameter("fields[campaign]", "name,url,vanity")
                .addQueryParameter("fields[user]", "full_name,url,vanity")
                .addQueryParameter("fields[access_rule]", "access_rule_type,amount_cents")
                .addQueryParameter("json-api-version", "1.0");
    }

    /** GETs and parses a JSON:API document; nothing of it is used when it is malformed. */
    public JsonApiDocument get(HttpUrl url)
            throws HttpFailureException, MalformedResponseException, InterruptedException {
        PatreonResponse response = http.getJson(url);
        return JsonApiDocument.parse(response.body(), () -> LoggableUrl.of(response.finalUrl()));
    }

    /** A URL as errors and logs may show it (signed tokens masked). */
    public static String describe(HttpUrl url) {
        return LoggableUrl.of(url);
    }
}
