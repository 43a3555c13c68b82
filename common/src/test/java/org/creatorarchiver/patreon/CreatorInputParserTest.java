package org.creatorarchiver.patreon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreatorInputParserTest {

    /** Tests point PATREON_BASE_URL at a fake on this host; its URLs are accepted like patreon.com's. */
    private final CreatorInputParser parser = new CreatorInputParser("127.0.0.1");

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "https://www.patreon.com/SomeCreator, vanity, somecreator",
        "https://www.patreon.com/somecreator/posts, vanity, somecreator",
        "https://patreon.com/somecreator?filters[month]=2020-3, vanity, somecreator",
        "www.patreon.com/somecreator, vanity, somecreator",
        "https://www.patreon.com/c/somecreator, vanity, somecreator",
        "https://www.patreon.com/c/somecreator/posts, vanity, somecreator",
        "https://www.patreon.com/cw/Some_Creator, vanity, some_creator",
        "https://www.patreon.com/cw/somecreator/posts, vanity, somecreator",
        "http://127.0.0.1:8089/c/somecreator/posts, vanity, somecreator",
        "https://www.patreon.com/user?u=123456, user, 123456",
        "https://www.patreon.com/user/posts?u=123456, user, 123456",
        "https://www.patreon.com/profile/creators?u=123456, user, 123456",
        "https://www.patreon.com/profile/creators?c=791478, campaign, 791478",
        "https://www.patreon.com/somecreator?c=791478, campaign, 791478",
        "https://www.patreon.com/m/791478, campaign, 791478",
        "https://www.patreon.com/api/campaigns/791478, campaign, 791478",
        "id:791478, campaign, 791478",
        "791478, campaign, 791478",
        "somecreator, vanity, somecreator",
        "'  SomeCreator  ', vanity, somecreator",
    })
    void everyCreatorFormResolvesToWhatItNames(String input, String kind, String value) {
        CreatorRef ref = parser.parse(input);

        assertThat(ref.value()).isEqualTo(value);
        assertThat(ref)
                .isInstanceOf(
                        switch (kind) {
                            case "vanity" -> CreatorRef.Vanity.class;
                            case "user" -> CreatorRef.UserId.class;
                            default -> CreatorRef.CampaignId.class;
                        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "\"\"| '': empty input",
                "https://example.com/somecreator| 'https://example.com/somecreator': not a Patreon host: example.com",
                "https://www.patreon.com/| 'https://www.patreon.com/': the URL names no creator",
                "https://www.patreon.com/home| 'https://www.patreon.com/home': /home is a Patreon page, not a creator",
                "https://www.patreon.com/posts/some-post-123| 'https://www.patreon.com/posts/some-post-123': /posts is a Patreon page, not a creator",
                "https://www.patreon.com/somecreator/posts/a-post-123| 'https://www.patreon.com/somecreator/posts/a-post-123': a post URL, not a creator URL",
                "https://www.patreon.com/user?u=abc| 'https://www.patreon.com/user?u=abc': /user is a Patreon page, not a creator",
                "id:abc| 'id:abc': id: must be followed by a numeric campaign id",
                "some creator| 'some creator': expected a Patreon creator URL (https://www.patreon.com/<name>, /c/<name>, /cw/<name>, /user?u=<id>, /m/<campaign id>), a vanity name or a campaign id",
                "https://www.patreon.com/c/x%20y| 'https://www.patreon.com/c/x%20y': 'x y' is not a valid vanity name",
                "ftp://www.patreon.com/somecreator| 'ftp://www.patreon.com/somecreator': not an http(s) URL",
            })
    void garbageIsRefusedNamingTheInput(String input, String message) {
        assertThatThrownBy(() -> parser.parse(input))
                .isInstanceOf(InvalidCreatorInputException.class)
                .hasMessage(message);
    }
}
