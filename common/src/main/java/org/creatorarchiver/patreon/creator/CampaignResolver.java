package org.creatorarchiver.patreon.creator;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import org.creatorarchiver.http.FailureKind;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.http.PatreonResponse;
import org.creatorarchiver.patreon.CreatorRef;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.creatorarchiver.patreon.jsonapi.ResourceKey;
import org.creatorarchiver.patreon.posts.PostSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From what the user gave (vanity, campaign id, user id) to the campaign id. A vanity goes through Patreon's search
 * API first, which needs no HTML (patreon-api.md 1.1 E), and falls back to the creator page's embedded data when the
 * search fails or does not list it. Errors that mean "no such creator" become {@link CreatorNotFoundException};
 * session, user-agent and Cloudflare refusals are passed on as they are, for the caller to record.
 */
public final class CampaignResolver {

    private static final Logger log = LoggerFactory.getLogger(CampaignResolver.class);
    /** Search failures after which the creator page may still work. */
    private static final Set<FailureKind> SEARCH_FALLBACK_KINDS = Set.of(
            FailureKind.NOT_FOUND, FailureKind.BAD_REQUEST, FailureKind.CLIENT_ERROR, FailureKind.UNEXPECTED_STATUS);

    private static final String CAMPAIGN_DOCUMENT_PREFIX = "campaign_";

    private final PatreonApi api;

    public CampaignResolver(PatreonApi api) {
        this.api = api;
    }

    public ResolvedCreator resolve(CreatorRef creator)
            throws CreatorNotFoundException, HttpFailureException, MalformedResponseException, InterruptedException {
        return switch (creator) {
            case CreatorRef.CampaignId campaign -> byCampaignId(campaign.value());
            case CreatorRef.Vanity vanity -> byVanity(vanity.value());
            case CreatorRef.UserId user -> byUserId(user.value());
        };
    }

    private ResolvedCreator byCampaignId(String campaignId)
            throws CreatorNotFoundException, HttpFailureException, MalformedResponseException, InterruptedException {
        HttpUrl url = api.campaignUrl(campaignId);
        JsonApiDocument document = getOrNotFound(url, "no Patreon campaign with id " + campaignId);
        Optional<JsonApiResource> campaign = document.data().stream().findFirst();
        Optional<String> pageUrl = campaign.flatMap(c -> c.nonBlankText("url"));
        Optional<String> vanity = campaign.flatMap(c -> c.nonBlankText("vanity"))
                .map(CampaignResolver::lower)
                .or(() -> pageUrl.flatMap(CreatorPageUrls::vanity));
        return new ResolvedCreator(
                campaignId, vanity, campaign.flatMap(c -> c.nonBlankText("name")), pageUrl, "campaign API");
    }

    private ResolvedCreator byVanity(String vanity)
            throws CreatorNotFoundException, HttpFailureException, MalformedResponseException, InterruptedException {
        Optional<ResolvedCreator> found = searchFor(vanity);
        if (found.isPresent()) {
            return found.get();
        }
        HttpUrl pageUrl = api.http().url("/" + vanity);
        PatreonResponse page = getPageOrNotFound(pageUrl, "no Patreon creator named '" + vanity + "'");
        CreatorPage.Found onPage = campaignOnPage(page, "'" + vanity + "' is not a creator: its page has no campaign");
        String pageVanity = onPage.vanity().map(CampaignResolver::lower).orElse(vanity);
        return new ResolvedCreator(
                onPage.campaignId(),
                Optional.of(pageVanity),
                onPage.name(),
                Optional.of(creatorUrl(pageVanity)),
                "creator page (" + onPage.where() + ")");
    }

    /** The search API's campaign whose URL ends with the vanity; empty when it has none or the search fails softly. */
    private Optional<ResolvedCreator> searchFor(String vanity) throws HttpFailureException, InterruptedException {
        Optional<JsonApiDocument> results = search(vanity);
        if (results.isEmpty()) {
            return Optional.empty();
        }
        for (JsonApiResource result : results.get().data()) {
            Optional<ResolvedCreator> found = campaignOf(result, vanity);
            if (found.isPresent()) {
                return found;
            }
        }
        log.info("search did not list creator '{}'; trying the creator page", vanity);
        return Optional.empty();
    }

    /** The search API's answer; empty (and logged) when it failed in a way the creator page may not. */
    private Optional<JsonApiDocument> search(String vanity) throws HttpFailureException, InterruptedException {
        try {
            return Optional.of(api.get(api.searchUrl(vanity)));
        } catch (HttpFailureException e) {
            if (!SEARCH_FALLBACK_KINDS.contains(e.kind())) {
                throw e;
            }
            log.info("search for creator '{}' failed ({}); trying the creator page", vanity, e.getMessage());
            return Optional.empty();
        } catch (MalformedResponseException e) {
            log.info(
                    "search for creator '{}' gave an unreadable answer ({}); trying the creator page",
                    vanity,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** The creator a search result stands for, when it is a campaign whose URL ends with the vanity. */
    private static Optional<ResolvedCreator> campaignOf(JsonApiResource result, String vanity) {
        if (!result.type().equals("campaign-document") || !result.id().startsWith(CAMPAIGN_DOCUMENT_PREFIX)) {
            return Optional.empty();
        }
        Optional<String> resultUrl = result.nonBlankText("url");
        boolean sameVanity = resultUrl
                .flatMap(CreatorPageUrls::vanity)
                .map(found -> found.equalsIgnoreCase(vanity))
                .orElse(false);
        String campaignId = result.id().substring(CAMPAIGN_DOCUMENT_PREFIX.length());
        if (sameVanity && campaignId.matches("\\d+")) {
            return Optional.of(new ResolvedCreator(
                    campaignId, Optional.of(vanity), result.nonBlankText("name"), resultUrl, "search API"));
        }
        return Optional.empty();
    }

    private ResolvedCreator byUserId(String userId)
            throws CreatorNotFoundException, HttpFailureException, MalformedResponseException, InterruptedException {
        JsonApiDocument document = getOrNotFound(api.userUrl(userId), "no Patreon user with id " + userId);
        Optional<JsonApiResource> user = document.data().stream().findFirst();
        Optional<String> vanity = user.flatMap(u -> u.nonBlankText("vanity")).map(CampaignResolver::lower);
        Optional<String> name = user.flatMap(u -> u.nonBlankText("full_name"));
        Optional<String> campaignId = user.flatMap(
                        u -> u.relatedKeys("campaign").stream().findFirst())
                .map(ResourceKey::id);
        if (campaignId.isPresent()) {
            return new ResolvedCreator(
                    campaignId.get(), vanity, name, user.flatMap(u -> u.nonBlankText("url")), "user API");
        }
        return byUserPage(userId, vanity, name);
    }

    /** The user's page, for a user the user API links to no campaign; its vanity and name fill the page's gaps. */
    private ResolvedCreator byUserPage(String userId, Optional<String> vanity, Optional<String> name)
            throws CreatorNotFoundException, HttpFailureException, MalformedResponseException, InterruptedException {
        PatreonResponse page = getPageOrNotFound(userPageUrl(userId), "no Patreon user with id " + userId);
        CreatorPage.Found onPage = campaignOnPage(page, "user " + userId + " is not a creator: no campaign");
        Optional<String> pageVanity =
                onPage.vanity().map(CampaignResolver::lower).or(() -> vanity);
        return new ResolvedCreator(
                onPage.campaignId(),
                pageVanity,
                onPage.name().or(() -> name),
                Optional.of(pageVanity
                        .map(CampaignResolver::creatorUrl)
                        .orElse(PostSummary.PATREON_SITE + "/user?u=" + userId)),
                "user page (" + onPage.where() + ")");
    }

    private HttpUrl userPageUrl(String userId) {
        return api.http()
                .url("/user")
                .newBuilder()
                .addQueryParameter("u", userId)
                .build();
    }

    private JsonApiDocument getOrNotFound(HttpUrl url, String notFound)
            throws CreatorNotFoundException, HttpFailureException, MalformedResponseException, InterruptedException {
        try {
            return api.get(url);
        } catch (HttpFailureException e) {
            throw notFoundOr(e, notFound, url);
        }
    }

    private PatreonResponse getPageOrNotFound(HttpUrl url, String notFound)
            throws CreatorNotFoundException, HttpFailureException, InterruptedException {
        try {
            return api.http().getPage(url);
        } catch (HttpFailureException e) {
            throw notFoundOr(e, notFound, url);
        }
    }

    /** Throws "not found" for a 404; returns any other failure for the caller to rethrow. */
    private static HttpFailureException notFoundOr(HttpFailureException failure, String notFound, HttpUrl url)
            throws CreatorNotFoundException {
        if (failure.kind() == FailureKind.NOT_FOUND) {
            throw new CreatorNotFoundException(notFound + " (" + PatreonApi.describe(url) + " answered 404)");
        }
        return failure;
    }

    /**
     * A page without a campaign: "not a creator" when it is one of Patreon's app pages, else a page generation we do
     * not know, which is worth retrying (and reporting) rather than calling the creator missing.
     */
    private static CreatorPage.Found campaignOnPage(PatreonResponse page, String notACreator)
            throws CreatorNotFoundException, MalformedResponseException {
        Optional<CreatorPage.Found> campaign = CreatorPage.campaign(page.body());
        if (campaign.isPresent()) {
            return campaign.get();
        }
        refuseLoginPage(page);
        if (CreatorPage.hasAppData(page.body())) {
            throw new CreatorNotFoundException(notACreator);
        }
        throw new MalformedResponseException(
                PatreonApi.describe(page.finalUrl()),
                "no campaign data in any known page format (Patreon may have changed its pages)");
    }

    /** Patreon sent its login page (e.g. /login-sync-domains): that says nothing about the creator. */
    private static void refuseLoginPage(PatreonResponse page) throws MalformedResponseException {
        if (page.finalUrl().encodedPath().contains("login")) {
            throw new MalformedResponseException(
                    PatreonApi.describe(page.finalUrl()),
                    "Patreon answered with its login page instead of the creator page (a session cookie may be needed)");
        }
    }

    /** The creator's page on patreon.com, whatever {@code PATREON_BASE_URL} the archiver talks to. */
    private static String creatorUrl(String vanity) {
        return PostSummary.PATREON_SITE + "/" + vanity;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
