package org.creatorarchiver.phase1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.creatorarchiver.patreon.CreatorInputParser;
import org.creatorarchiver.patreon.InvalidCreatorInputException;
import org.creatorarchiver.sources.CreatorSources;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever form the user gave the creator in, phase 1 ends with its campaign and posts. */
class CreatorInputToPostsTest {

    private final Phase1Harness phase1 = new Phase1Harness();
    private final FakePatreon patreon = phase1.patreon;
    private final CreatorInputParser parser =
            new CreatorInputParser(patreon.baseUrl().host());

    @AfterEach
    void close() {
        phase1.close();
    }

    private void archive(String input) throws Exception {
        patreon.addCreator("skyforge", "4815162", "90011223").addPosts(5);
        long sourceId = new CreatorSources(phase1.db)
                .register(parser.parse(input), input)
                .sourceId();

        phase1.sync(sourceId, false);

        assertThat(phase1.source(sourceId).getExternalId()).isEqualTo("4815162");
        assertThat(phase1.source(sourceId).getVanity()).isEqualTo("skyforge");
        assertThat(phase1.posts()).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "skyforge",
                "SkyForge",
                "https://www.patreon.com/skyforge",
                "patreon.com/skyforge/posts",
                "https://www.patreon.com/c/skyforge",
                "https://www.patreon.com/c/skyforge/posts",
                "https://www.patreon.com/cw/skyforge",
                "https://www.patreon.com/cw/skyforge/posts",
                "https://www.patreon.com/user?u=90011223",
                "https://www.patreon.com/user/posts?u=90011223",
                "https://www.patreon.com/profile/creators?u=90011223",
                "https://www.patreon.com/m/4815162",
                "https://www.patreon.com/api/campaigns/4815162",
                "id:4815162",
                "4815162",
                "https://www.patreon.com/profile/creators?c=4815162"
            })
    void everyCreatorFormResolvesToTheCampaignAndItsPosts(String input) throws Exception {
        archive(input);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NEXT_DATA", "NEXTJS13"})
    void withoutTheSearchApiTheCreatorPageOfEitherGenerationResolvesAVanity(String style) throws Exception {
        patreon.searchWorks(false).pageStyle(FakePatreon.PageStyle.valueOf(style));

        archive("https://www.patreon.com/skyforge");

        assertThat(patreon.requests("/c/skyforge/posts"))
                .as("after the 307 from /skyforge")
                .hasSize(1);
    }

    @Test
    void aUrlOnTheConfiguredBaseHostCountsAsPatreons() throws Exception {
        archive(patreon.baseUrl().resolve("/cw/skyforge").toString());
    }

    @Test
    void garbageIsRefusedNamingTheInput() {
        assertThatThrownBy(() -> parser.parse("https://example.com/skyforge"))
                .isInstanceOf(InvalidCreatorInputException.class)
                .hasMessageContaining("https://example.com/skyforge");
        assertThatThrownBy(() -> parser.parse("https://www.patreon.com/home"))
                .isInstanceOf(InvalidCreatorInputException.class)
                .hasMessageContaining("https://www.patreon.com/home");
    }
}
