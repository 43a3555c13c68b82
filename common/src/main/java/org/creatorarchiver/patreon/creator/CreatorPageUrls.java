package org.creatorarchiver.patreon.creator;

import java.util.Optional;
import org.creatorarchiver.patreon.CreatorInputParser;
import org.creatorarchiver.patreon.CreatorRef;
import org.creatorarchiver.patreon.InvalidCreatorInputException;

/**
 * The vanity in a creator page URL that Patreon itself returned (a campaign's or a search result's {@code url}), read
 * by the same rules as the user's input: creators without a vanity have {@code /user?u=<id>} URLs, whose last path
 * segment ("user") is not a vanity.
 */
final class CreatorPageUrls {

    private static final CreatorInputParser PARSER = new CreatorInputParser("www.patreon.com");

    private CreatorPageUrls() {}

    /** {@code https://www.patreon.com/skyforge}, {@code .../c/SkyForge/posts} -> skyforge; empty for anything else. */
    static Optional<String> vanity(String url) {
        try {
            return PARSER.parse(url) instanceof CreatorRef.Vanity vanity
                    ? Optional.of(vanity.value())
                    : Optional.empty();
        } catch (InvalidCreatorInputException e) {
            return Optional.empty();
        }
    }
}
