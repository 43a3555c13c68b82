package org.creatorarchiver.patreon.creator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.creatorarchiver.http.FailureKind;
import org.creatorarchiver.http.HttpClients;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.patreon.CreatorRef;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.testing.TestServices;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.creatorarchiver.testing.patreon.PatreonSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** From a vanity, a campaign id or a user id to the campaign, against a fake Patreon built from the samples. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignResolverTest {

    private FakePatreon patreon;
    private HttpClients clients;
    private CampaignResolver resolver;

    @BeforeAll
    void startFakePatreon() {
        TestServices.flushRedis();
        patreon = FakePatreon.start();
        patreon.addCreator("skyforge", "4815162", "90011223");
        patreon.addCreator("nebula", "7700001", "88000001");
        patreon.addCreator("sky", "5500001", "77000001");
        clients = HttpClients.create(patreon.clientSettings(), TestServices.redisson(), Clock.systemUTC());
        resolver = new CampaignResolver(new PatreonApi(clients.patreon()));
    }

    @AfterAll
    void stopFakePatreon() {
        clients.close();
        patreon.close();
    }

    @BeforeEach
    void resetFakePatreon() {
        patreon.searchWorks(true).pageStyle(FakePatreon.PageStyle.NEXT_DATA).refuse(FakePatreon.Refusal.NONE);
        patreon.clearRequests();
    }

    @Test
    void aVanityIsFoundThroughTheSearchWithoutLoadingAnyPage() throws Exception {
        ResolvedCreator creator = resolver.resolve(new CreatorRef.Vanity("skyforge"));

        // The search lists "skyforgefans" (campaign 1) first: only the exact vanity counts.
        assertThat(creator.campaignId()).isEqualTo("4815162");
        assertThat(creator.vanity()).contains("skyforge");
        assertThat(creator.name()).contains("skyforge studio");
        assertThat(creator.url()).contains("https://www.patreon.com/skyforge");
        assertThat(creator.via()).isEqualTo("search API");
        assertThat(paths()).containsExactly("/api/search");
        assertThat(patreon.requests().getFirst().getUrl().queryParameter("q")).isEqualTo("skyforge");
    }

    @Test
    void aVanityThatIsAPrefixOfAnotherIsNotMistakenForIt() throws Exception {
        assertThat(resolver.resolve(new CreatorRef.Vanity("sky")).campaignId()).isEqualTo("5500001");
        assertThat(resolver.resolve(new CreatorRef.Vanity("skyforge")).campaignId())
                .isEqualTo("4815162");
    }

    @ParameterizedTest
    @EnumSource(FakePatreon.PageStyle.class)
    void whenTheSearchIsGoneTheCreatorPageIsReadThroughItsRedirect(FakePatreon.PageStyle style) throws Exception {
        patreon.searchWorks(false).pageStyle(style);

        ResolvedCreator creator = resolver.resolve(new CreatorRef.Vanity("nebula"));

        assertThat(creator.campaignId()).isEqualTo("7700001");
        assertThat(creator.vanity()).contains("nebula");
        assertThat(creator.via()).startsWith("creator page (");
        assertThat(creator.url())
                .as("patreon.com's page, not the base URL's")
                .contains("https://www.patreon.com/nebula");
        assertThat(paths()).containsExactly("/api/search", "/nebula", "/c/nebula/posts");
    }

    @Test
    void whenTheSearchDoesNotListTheCreatorThePageIsTried() throws Exception {
        patreon.script(
                request -> request.getUrl().encodedPath().equals("/api/search"),
                FakePatreon.json(200, "{\"data\": []}"));

        assertThat(resolver.resolve(new CreatorRef.Vanity("skyforge")).campaignId())
                .isEqualTo("4815162");
        assertThat(paths()).containsExactly("/api/search", "/skyforge", "/c/skyforge/posts");
    }

    @Test
    void whenTheSearchAnswersGarbageThePageIsTried() throws Exception {
        patreon.script(
                request -> request.getUrl().encodedPath().equals("/api/search"),
                FakePatreon.json(200, "<html>maintenance</html>"));

        assertThat(resolver.resolve(new CreatorRef.Vanity("skyforge")).campaignId())
                .isEqualTo("4815162");
    }

    @Test
    void aCampaignIdIsAskedOfTheCampaignApi() throws Exception {
        ResolvedCreator creator = resolver.resolve(new CreatorRef.CampaignId("4815162"));

        assertThat(creator.campaignId()).isEqualTo("4815162");
        assertThat(creator.name()).contains("Skyforge Studio");
        assertThat(creator.vanity()).contains("skyforge");
        assertThat(creator.url()).contains("https://www.patreon.com/skyforge");
        assertThat(creator.via()).isEqualTo("campaign API");
        assertThat(paths()).containsExactly("/api/campaigns/4815162");
    }

    @Test
    void aCampaignWithoutAVanityHasNoneEvenThoughItsUrlIsAUserPage() throws Exception {
        answerCampaignWith(null, "https://www.patreon.com/user?u=90011223");

        ResolvedCreator creator = resolver.resolve(new CreatorRef.CampaignId("4815162"));

        assertThat(creator.vanity()).isEmpty();
        assertThat(creator.url()).contains("https://www.patreon.com/user?u=90011223");
    }

    @Test
    void aCampaignWithoutAVanityAttributeTakesItFromItsPageUrl() throws Exception {
        answerCampaignWith(null, "https://www.patreon.com/c/SkyForge");

        assertThat(resolver.resolve(new CreatorRef.CampaignId("4815162")).vanity())
                .contains("skyforge");
    }

    @Test
    void aUserIdIsAskedOfTheUserApi() throws Exception {
        ResolvedCreator creator = resolver.resolve(new CreatorRef.UserId("88000001"));

        assertThat(creator.campaignId()).isEqualTo("7700001");
        assertThat(creator.vanity()).contains("nebula");
        assertThat(creator.name()).contains("Skyforge Studio");
        assertThat(creator.via()).isEqualTo("user API");
        assertThat(paths()).containsExactly("/api/user/88000001");
    }

    @Test
    void aUserApiAnswerWithoutTheCampaignFallsBackToTheUserPage() throws Exception {
        ObjectNode user = PatreonSamples.json("user.json");
        ((ObjectNode) user.at("/data")).put("id", "88000001");
        ((ObjectNode) user.at("/data/relationships/campaign")).putNull("data");
        patreon.script(
                request -> request.getUrl().encodedPath().equals("/api/user/88000001"),
                FakePatreon.json(200, user.toString()));

        ResolvedCreator creator = resolver.resolve(new CreatorRef.UserId("88000001"));

        assertThat(creator.campaignId()).isEqualTo("7700001");
        assertThat(creator.via()).startsWith("user page (");
        assertThat(paths()).containsExactly("/api/user/88000001", "/user");
    }

    @Test
    void anUnknownVanityIsNotFoundNamingIt() {
        assertThatThrownBy(() -> resolver.resolve(new CreatorRef.Vanity("nobodyhere")))
                .isInstanceOf(CreatorNotFoundException.class)
                .hasMessageStartingWith("no Patreon creator named 'nobodyhere'")
                .hasMessageContaining("/nobodyhere answered 404");
    }

    @Test
    void anUnknownCampaignIdIsNotFound() {
        assertThatThrownBy(() -> resolver.resolve(new CreatorRef.CampaignId("999999")))
                .isInstanceOf(CreatorNotFoundException.class)
                .hasMessageStartingWith("no Patreon campaign with id 999999");
    }

    @Test
    void anUnknownUserIdIsNotFound() {
        assertThatThrownBy(() -> resolver.resolve(new CreatorRef.UserId("999999")))
                .isInstanceOf(CreatorNotFoundException.class)
                .hasMessageStartingWith("no Patreon user with id 999999");
    }

    @Test
    void anAppPageWithoutACampaignIsNotACreator() {
        patreon.searchWorks(false);
        patreon.script(
                request -> request.getUrl().encodedPath().equals("/someone"),
                new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "text/html")
                        .body(
                                "<html><body><script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\": {}}</script>"
                                        + "</body></html>")
                        .build());

        assertThatThrownBy(() -> resolver.resolve(new CreatorRef.Vanity("someone")))
                .isInstanceOf(CreatorNotFoundException.class)
                .hasMessage("'someone' is not a creator: its page has no campaign");
    }

    @Test
    void aRedirectToTheLoginPageIsNotTakenForAMissingCreator() {
        patreon.searchWorks(false);
        patreon.script(
                request -> request.getUrl().encodedPath().equals("/someone"),
                new MockResponse.Builder()
                        .code(307)
                        .setHeader("Location", "/login-sync-domains")
                        .build());
        patreon.script(
                request -> request.getUrl().encodedPath().equals("/login-sync-domains"),
                new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "text/html")
                        .body(
                                "<html><body><script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\": {}}</script>"
                                        + "</body></html>")
                        .build());

        assertThatThrownBy(() -> resolver.resolve(new CreatorRef.Vanity("someone")))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("/login-sync-domains")
                .hasMessageContaining("login page");
    }

    @Test
    void cloudflareIsPassedOnAsItIsNotAsNotFound() {
        patreon.refuse(FakePatreon.Refusal.CLOUDFLARE);

        for (CreatorRef creator : List.of(
                new CreatorRef.Vanity("skyforge"),
                new CreatorRef.CampaignId("4815162"),
                new CreatorRef.UserId("90011223"))) {
            assertThatThrownBy(() -> resolver.resolve(creator))
                    .as(creator.toString())
                    .asInstanceOf(type(HttpFailureException.class))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(FailureKind.CLOUDFLARE_CHALLENGE));
        }
        // The search's refusal is final: no page is tried behind Cloudflare's back.
        assertThat(paths()).doesNotContain("/skyforge");
    }

    @Test
    void aRefusedSessionIsPassedOnAsItIs() {
        patreon.refuse(FakePatreon.Refusal.UNAUTHORIZED);

        assertThatThrownBy(() -> resolver.resolve(new CreatorRef.Vanity("skyforge")))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(FailureKind.UNAUTHORIZED));
    }

    @Test
    void aPageOfAnUnknownFormatIsMalformedNamingItsUrl() {
        patreon.searchWorks(false);
        patreon.script(
                request -> request.getUrl().encodedPath().equals("/skyforge"),
                new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "text/html")
                        .body("<html><body><div id=\"root\">Skyforge Studio</div></body></html>")
                        .build());

        assertThatThrownBy(() -> resolver.resolve(new CreatorRef.Vanity("skyforge")))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("malformed response from " + patreon.baseUrl().resolve("/skyforge")
                        + ": no campaign data in any known page format (Patreon may have changed its pages)");
    }

    /** The next campaign API answer is the sample with this vanity attribute and page URL. */
    private void answerCampaignWith(String vanity, String url) {
        ObjectNode campaign = PatreonSamples.json("campaign.json");
        ((ObjectNode) campaign.at("/data/attributes")).put("vanity", vanity).put("url", url);
        patreon.script(
                request -> request.getUrl().encodedPath().equals("/api/campaigns/4815162"),
                FakePatreon.json(200, campaign.toString()));
    }

    private List<String> paths() {
        return patreon.requests().stream()
                .map(RecordedRequest::getUrl)
                .map(url -> url.encodedPath())
                .toList();
    }
}
