package org.creatorarchiver.patreon.creator;

import static org.assertj.core.api.Assertions.assertThat;

import org.creatorarchiver.testing.patreon.PatreonSamples;
import org.junit.jupiter.api.Test;

/** The campaign a creator page is about, in every page generation Patreon served. */
class CreatorPageTest {

    @Test
    void theNextDataBootstrapGivesTheCampaignItsNameAndItsVanity() {
        String html = PatreonSamples.text("creator-page-nextdata.html");

        assertThat(CreatorPage.campaign(html)).hasValueSatisfying(found -> {
            assertThat(found.campaignId()).isEqualTo("4815162");
            // The bootstrap has no vanity attribute: it comes from the campaign's url.
            assertThat(found.vanity()).contains("skyforge");
            assertThat(found.name()).contains("Skyforge Studio");
            assertThat(found.where()).isEqualTo("__NEXT_DATA__ pageBootstrap");
        });
        assertThat(CreatorPage.hasAppData(html)).isTrue();
    }

    @Test
    void theOlderBootstrapKeyIsReadToo() {
        String html = nextData("{\"bootstrap\": {\"campaign\": {\"data\": {\"id\": \"123\", \"type\": \"campaign\","
                + " \"attributes\": {\"vanity\": \"oldpage\", \"name\": \"Old Page\"}}}}}");

        assertThat(CreatorPage.campaign(html)).hasValueSatisfying(found -> {
            assertThat(found.campaignId()).isEqualTo("123");
            assertThat(found.vanity()).contains("oldpage");
            assertThat(found.name()).contains("Old Page");
            assertThat(found.where()).isEqualTo("__NEXT_DATA__ bootstrap");
        });
    }

    @Test
    void aBootstrapCampaignWithoutAVanityHasNone() {
        String html = nextData("{\"pageBootstrap\": {\"campaign\": {\"data\": {\"id\": \"123\", \"type\": \"campaign\","
                + " \"attributes\": {\"url\": \"https://www.patreon.com/user?u=456\"}}}}}");

        assertThat(CreatorPage.campaign(html)).hasValueSatisfying(found -> {
            assertThat(found.campaignId()).isEqualTo("123");
            assertThat(found.vanity()).isEmpty();
        });
    }

    @Test
    void theNextJs13StreamGivesTheCampaignAndItsVanity() {
        String html = PatreonSamples.text("creator-page-nextjs13.html");

        assertThat(CreatorPage.campaign(html)).hasValueSatisfying(found -> {
            assertThat(found.campaignId()).isEqualTo("4815162");
            assertThat(found.vanity()).contains("skyforge");
            assertThat(found.where()).isEqualTo("Next.js stream");
        });
        assertThat(CreatorPage.hasAppData(html)).isTrue();
    }

    @Test
    void theStreamsAnalyticsUnitIdIsEnoughOnItsOwn() {
        String html = "<html><body><script>self.__next_f.push([1,\"a:[\\\"$\\\",\\\"$L1f\\\",null,{\\\"analytics\\\":"
                + "{\\\"key\\\":\\\"campaign_id\\\",\\\"unit_id\\\":\\\"2468\\\"}}]\\n\"])</script></body></html>";

        assertThat(CreatorPage.campaign(html)).hasValueSatisfying(found -> {
            assertThat(found.campaignId()).isEqualTo("2468");
            assertThat(found.vanity()).isEmpty();
        });
    }

    @Test
    void aPageWithOnlyTheCampaignsSelfLinkGivesItsId() {
        String html = "<html><head></head><body><script>window.patreon = {\"data\": {},"
                + " \"links\": {\"self\": \"https://www.patreon.com/api/campaigns/97531\"}};</script></body></html>";

        assertThat(CreatorPage.campaign(html)).hasValueSatisfying(found -> {
            assertThat(found.campaignId()).isEqualTo("97531");
            assertThat(found.where()).isEqualTo("links.self");
        });
    }

    @Test
    void aPageWithOnlyTheTeaserCardGivesItsId() {
        String html = "<html><head><meta property=\"og:image\""
                + " content=\"https://www.patreon.com/api/card-teaser-image/creator/86420?ts=1782345600\"/></head>"
                + "<body>Loading</body></html>";

        assertThat(CreatorPage.campaign(html)).hasValueSatisfying(found -> {
            assertThat(found.campaignId()).isEqualTo("86420");
            assertThat(found.where()).isEqualTo("og:image");
        });
        assertThat(CreatorPage.hasAppData(html)).isFalse();
    }

    @Test
    void anAppPageWithoutACampaignIsNoCreatorPage() {
        String html =
                nextData("{\"pageBootstrap\": {\"user\": {\"data\": {\"id\": \"55501234\", \"type\": \"user\"}}}}");

        assertThat(CreatorPage.campaign(html)).isEmpty();
        assertThat(CreatorPage.hasAppData(html)).isTrue();
    }

    @Test
    void aBrokenBootstrapIsSkippedForTheOtherPlaces() {
        String html = "<html><head><meta property=\"og:image\""
                + " content=\"https://www.patreon.com/api/card-teaser-image/creator/4815162?ts=1\"/></head><body>"
                + "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\": {</script></body></html>";

        assertThat(CreatorPage.campaign(html))
                .hasValueSatisfying(found -> assertThat(found.campaignId()).isEqualTo("4815162"));
    }

    @Test
    void anyOtherPageIsNeitherACreatorPageNorAnAppPage() {
        String html = "<!DOCTYPE html><html><head><title>Login</title><meta property=\"og:image\""
                + " content=\"https://www.patreon.com/images/logo.png\"/></head><body>Log in to Patreon</body></html>";

        assertThat(CreatorPage.campaign(html)).isEmpty();
        assertThat(CreatorPage.hasAppData(html)).isFalse();
        assertThat(CreatorPage.hasAppData(PatreonSamples.text("cloudflare-challenge-403.html")))
                .isFalse();
        assertThat(CreatorPage.campaign(PatreonSamples.text("cloudflare-challenge-403.html")))
                .isEmpty();
    }

    private static String nextData(String bootstrapEnvelope) {
        return "<html><body><script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\": {\"pageProps\":"
                + " {\"bootstrapEnvelope\": " + bootstrapEnvelope
                + "}}, \"page\": \"/[vanity]\"}</script></body></html>";
    }
}
