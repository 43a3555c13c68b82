package org.creatorarchiver.patreon;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.creatorarchiver.web.QueryStrings;

/**
 * Turns what a user typed into a {@link CreatorRef}: every creator URL form Patreon has used (patreon-api.md 1.1),
 * on patreon.com hosts or on {@code PATREON_BASE_URL}'s host, a bare vanity name, a campaign id, or {@code id:<id>}.
 * Only a URL's path and query matter. Anything else is refused with a message naming the input.
 */
public final class CreatorInputParser {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    private static final Pattern VANITY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}");
    /** First path segments that are Patreon pages, never creators. */
    private static final Set<String> RESERVED = Set.of(
            "home",
            "create",
            "login",
            "signup",
            "search",
            "posts",
            "messages",
            "collection",
            "creation",
            "user",
            "m",
            "api",
            "c",
            "cw",
            "checkout",
            "rss",
            "settings",
            "profile",
            "file",
            "notifications",
            "library",
            "explore",
            "join",
            "bePatron",
            "policy",
            "about");

    private static final String EXPECTED = "expected a Patreon creator URL (https://www.patreon.com/<name>, /c/<name>,"
            + " /cw/<name>, /user?u=<id>, /m/<campaign id>), a vanity name or a campaign id";

    private final String baseHost;

    /** @param baseHost the host of {@code PATREON_BASE_URL}, whose URLs count as Patreon's too */
    public CreatorInputParser(String baseHost) {
        this.baseHost = baseHost.toLowerCase(Locale.ROOT);
    }

    public CreatorRef parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw invalid(input, "empty input");
        }
        if (text.regionMatches(true, 0, "id:", 0, 3)) {
            return prefixedCampaignId(input, text);
        }
        if (DIGITS.matcher(text).matches()) {
            return new CreatorRef.CampaignId(text);
        }
        if (VANITY.matcher(text).matches()) {
            return vanity(input, text);
        }
        return fromUrl(input, text);
    }

    /** {@code id:<campaign id>}. */
    private static CreatorRef prefixedCampaignId(String input, String text) {
        String id = text.substring(3).strip();
        if (!DIGITS.matcher(id).matches()) {
            throw invalid(input, "id: must be followed by a numeric campaign id");
        }
        return new CreatorRef.CampaignId(id);
    }

    private CreatorRef fromUrl(String input, String text) {
        URI uri = patreonUri(input, text);
        Map<String, String> query = QueryStrings.parse(uri.getRawQuery());
        List<String> path = segments(uri.getRawPath());
        Optional<CreatorRef> byQuery = fromQuery(path, query);
        if (byQuery.isPresent()) {
            return byQuery.get();
        }
        if (path.isEmpty()) {
            throw invalid(input, "the URL names no creator");
        }
        return fromPath(input, path);
    }

    /** The input as an http(s) URL on a Patreon host. */
    private URI patreonUri(String input, String text) {
        URI uri = toUri(input, text);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(input, "not an http(s) URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!isPatreonHost(host)) {
            throw invalid(input, host.isEmpty() ? EXPECTED : "not a Patreon host: " + host);
        }
        return uri;
    }

    /** The creator a non-empty path names: /c/, /cw/, /m/, /api/campaigns/ or the vanity as the first segment. */
    private static CreatorRef fromPath(String input, List<String> path) {
        String first = path.get(0);
        if ((first.equals("c") || first.equals("cw")) && path.size() >= 2) {
            return vanity(input, path.get(1));
        }
        Optional<CreatorRef> campaignId = campaignIdInPath(path);
        if (campaignId.isPresent()) {
            return campaignId.get();
        }
        if (RESERVED.contains(first) || RESERVED.contains(first.toLowerCase(Locale.ROOT))) {
            throw invalid(input, "/" + first + " is a Patreon page, not a creator");
        }
        if (path.size() >= 2 && path.get(1).equals("posts") && path.size() > 2) {
            throw invalid(input, "a post URL, not a creator URL");
        }
        return vanity(input, first);
    }

    /** {@code /m/<campaign id>} and {@code /api/campaigns/<campaign id>}. */
    private static Optional<CreatorRef> campaignIdInPath(List<String> path) {
        String first = path.get(0);
        if (first.equals("m") && path.size() >= 2 && DIGITS.matcher(path.get(1)).matches()) {
            return Optional.of(new CreatorRef.CampaignId(path.get(1)));
        }
        if (first.equals("api")
                && path.size() >= 3
                && path.get(1).equals("campaigns")
                && DIGITS.matcher(path.get(2)).matches()) {
            return Optional.of(new CreatorRef.CampaignId(path.get(2)));
        }
        return Optional.empty();
    }

    /** {@code ?c=<campaign id>} on any creator URL, {@code ?u=<user id>} on /user and /profile/creators URLs. */
    private static Optional<CreatorRef> fromQuery(List<String> path, Map<String, String> query) {
        String campaign = query.get("c");
        if (campaign != null && DIGITS.matcher(campaign).matches()) {
            return Optional.of(new CreatorRef.CampaignId(campaign));
        }
        String user = query.get("u");
        boolean userPage = !path.isEmpty()
                && (path.get(0).equals("user")
                        || (path.get(0).equals("profile")
                                && path.size() >= 2
                                && path.get(1).equals("creators")));
        if (userPage && user != null && DIGITS.matcher(user).matches()) {
            return Optional.of(new CreatorRef.UserId(user));
        }
        return Optional.empty();
    }

    private boolean isPatreonHost(String host) {
        return host.equals("patreon.com") || host.endsWith(".patreon.com") || host.equals(baseHost);
    }

    private static CreatorRef vanity(String input, String candidate) {
        if (!VANITY.matcher(candidate).matches()) {
            throw invalid(input, "'" + candidate + "' is not a valid vanity name");
        }
        return new CreatorRef.Vanity(candidate.toLowerCase(Locale.ROOT));
    }

    private static URI toUri(String input, String text) {
        String withScheme = text.contains("://") ? text : "https://" + text;
        try {
            return new URI(withScheme);
        } catch (URISyntaxException e) {
            throw invalid(input, EXPECTED);
        }
    }

    private static List<String> segments(String rawPath) {
        if (rawPath == null) {
            return List.of();
        }
        return java.util.Arrays.stream(rawPath.split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
                .toList();
    }

    private static InvalidCreatorInputException invalid(String input, String why) {
        return new InvalidCreatorInputException("'" + (input == null ? "" : input) + "': " + why);
    }
}
