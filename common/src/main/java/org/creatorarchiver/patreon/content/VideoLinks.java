package org.creatorarchiver.patreon.content;

import static org.creatorarchiver.patreon.content.VideoLink.Provider.VIMEO;
import static org.creatorarchiver.patreon.content.VideoLink.Provider.YOUTUBE;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.creatorarchiver.patreon.content.VideoLink.Provider;

/**
 * The one reader from a link to a video: which provider and which id a URL names, for post embeds and links in post
 * text alike. On the providers' own hosts, these forms (extra trailing path segments and parameters are ignored):
 *
 * <ul>
 *   <li>YouTube, on {@code youtube.com} and its {@code www.}, {@code m.} and {@code music.} hosts:
 *       {@code /watch?v=ID}, {@code /embed/ID}, {@code /shorts/ID}, {@code /live/ID}, {@code /v/ID};
 *       {@code youtube-nocookie.com/embed/ID}; {@code youtu.be/ID}. The id is 11 characters of {@code [A-Za-z0-9_-]}.
 *   <li>Vimeo, on {@code vimeo.com}: {@code /ID}, {@code /ID/HASH} (unlisted, patreon-api.md 2.5), {@code /video/ID},
 *       {@code /channels/C/ID}, {@code /groups/G/videos/ID}, {@code /showcase/S/video/ID}, {@code /album/A/video/ID};
 *       {@code player.vimeo.com/video/ID?h=HASH}. The id is numeric.
 * </ul>
 *
 * Hosts match exactly ({@code youtube.com.evil.com} is not YouTube) and other pages of those sites (channels, users,
 * playlists, showcases) name no video. A post's embed is read by {@link #ofEmbed}: when {@code embed.provider} names
 * the provider, the id is the {@code v=} parameter or the id path segment of {@code embed.url} whatever its host
 * (docs/ARCHITECTURE.md "Reading a post"). A URL without a scheme ({@code youtu.be/ID}, {@code //player.vimeo.com/...})
 * is read as https, as people write them in post text and Embedly writes them in iframes.
 */
public final class VideoLinks {

    private static final Set<String> YOUTUBE_HOSTS = Set.of(
            "youtube.com",
            "www.youtube.com",
            "m.youtube.com",
            "music.youtube.com",
            "youtube-nocookie.com",
            "www.youtube-nocookie.com");
    private static final Set<String> YOUTU_BE = Set.of("youtu.be", "www.youtu.be");
    private static final Set<String> VIMEO_PAGES = Set.of("vimeo.com", "www.vimeo.com");
    private static final Set<String> VIMEO_PLAYER = Set.of("player.vimeo.com");

    /** Every form, by shape: {@code *} is any segment, {@code {id}} and {@code {hash}} are what the form names. */
    private static final List<Form> FORMS = List.of(
            Form.of(YOUTUBE, YOUTUBE_HOSTS, "watch?v={id}"),
            Form.of(YOUTUBE, YOUTUBE_HOSTS, "embed/{id}"),
            Form.of(YOUTUBE, YOUTUBE_HOSTS, "shorts/{id}"),
            Form.of(YOUTUBE, YOUTUBE_HOSTS, "live/{id}"),
            Form.of(YOUTUBE, YOUTUBE_HOSTS, "v/{id}"),
            Form.of(YOUTUBE, YOUTU_BE, "{id}"),
            Form.of(VIMEO, VIMEO_PAGES, "{id}/{hash}"),
            Form.of(VIMEO, VIMEO_PAGES, "{id}"),
            Form.of(VIMEO, VIMEO_PAGES, "video/{id}"),
            Form.of(VIMEO, VIMEO_PAGES, "channels/*/{id}"),
            Form.of(VIMEO, VIMEO_PAGES, "groups/*/videos/{id}"),
            Form.of(VIMEO, VIMEO_PAGES, "showcase/*/video/{id}"),
            Form.of(VIMEO, VIMEO_PAGES, "album/*/video/{id}"),
            Form.of(VIMEO, VIMEO_PLAYER, "video/{id}?h={hash}"));

    private static final Pattern VIMEO_HASH = Pattern.compile("[0-9a-f]+");
    /** Path segments in the id position that are not videos but happen to have an id's shape. */
    private static final Set<String> NOT_VIDEO_IDS = Set.of("videoseries");

    private VideoLinks() {}

    /** The video {@code url} names on its provider's own host; empty for any other page or host. */
    public static Optional<VideoLink> parse(String url) {
        HttpUrl parsed = lenient(url);
        return parsed == null ? Optional.empty() : onOwnHost(parsed, url.strip());
    }

    /**
     * The video of a post's embed. When {@code provider} names YouTube or Vimeo, a URL on that provider's hosts is read
     * as {@link #parse} reads it, and a URL on any other host gives its {@code v=} parameter or else its last path
     * segment of the id's shape. Another provider's embed is a video only when its URL is one {@link #parse} knows.
     */
    public static Optional<VideoLink> ofEmbed(String provider, String url) {
        HttpUrl parsed = lenient(url);
        if (parsed == null) {
            return Optional.empty();
        }
        Optional<Provider> named = Provider.named(provider);
        if (named.isEmpty() || ownsHost(named.get(), parsed)) {
            return onOwnHost(parsed, url.strip())
                    .filter(video -> named.map(video.provider()::equals).orElse(true));
        }
        return onAnyHost(named.get(), parsed, url.strip());
    }

    /**
     * The URL a Vimeo embed is kept with: {@code player.vimeo.com/video/{id}?h={hash}}, since the
     * {@code vimeo.com/{id}/{hash}} pages of private videos often answer 404 while the player plays (patreon-dl#65).
     * A player URL, or a URL that names no Vimeo video, is kept as received.
     */
    public static String vimeoPlayerUrl(String embedUrl) {
        HttpUrl parsed = lenient(embedUrl);
        if (parsed == null || VIMEO_PLAYER.contains(host(parsed))) {
            return embedUrl;
        }
        return ofEmbed("Vimeo", embedUrl).map(VideoLinks::player).orElse(embedUrl);
    }

    private static String player(VideoLink video) {
        HttpUrl.Builder player = new HttpUrl.Builder()
                .scheme("https")
                .host("player.vimeo.com")
                .addPathSegment("video")
                .addPathSegment(video.id());
        video.hash().ifPresent(hash -> player.addQueryParameter("h", hash));
        return player.build().toString();
    }

    private static Optional<VideoLink> onOwnHost(HttpUrl url, String asGiven) {
        List<String> segments = segments(url);
        return FORMS.stream()
                .flatMap(form -> form.match(url, segments, asGiven).stream())
                .findFirst();
    }

    private static boolean ownsHost(Provider provider, HttpUrl url) {
        return FORMS.stream()
                .anyMatch(form -> form.provider() == provider && form.hosts().contains(host(url)));
    }

    private static Optional<VideoLink> onAnyHost(Provider provider, HttpUrl url, String asGiven) {
        Optional<VideoLink> byParameter = link(provider, url.queryParameter("v"), null, asGiven);
        if (byParameter.isPresent()) {
            return byParameter;
        }
        List<String> segments = segments(url);
        for (int index = segments.size() - 1; index >= 0; index--) {
            Optional<VideoLink> bySegment = link(provider, segments.get(index), null, asGiven);
            if (bySegment.isPresent()) {
                return bySegment;
            }
        }
        return Optional.empty();
    }

    private static Optional<VideoLink> link(Provider provider, String id, String hash, String asGiven) {
        if (!provider.hasIdShape(id) || NOT_VIDEO_IDS.contains(id)) {
            return Optional.empty();
        }
        Optional<String> unlisted =
                Optional.ofNullable(hash).filter(h -> VIMEO_HASH.matcher(h).matches());
        return Optional.of(new VideoLink(provider, id, unlisted, asGiven));
    }

    private static List<String> segments(HttpUrl url) {
        return url.pathSegments().stream().filter(s -> !s.isEmpty()).toList();
    }

    private static String host(HttpUrl url) {
        return url.host().toLowerCase(Locale.ROOT);
    }

    /** The http(s) URL {@code url} denotes, read leniently (spaces, no scheme, {@code //host}); null when none. */
    private static HttpUrl lenient(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("//")) {
            trimmed = "https:" + trimmed;
        } else if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
                return null;
            }
            trimmed = "https://" + trimmed;
        }
        return HttpUrl.parse(trimmed);
    }

    /**
     * One way a URL names a video: its hosts, its leading path segments and the query parameter that carries a part.
     */
    private record Form(Provider provider, Set<String> hosts, List<String> path, String parameter, String carries) {

        static Form of(Provider provider, Set<String> hosts, String shape) {
            String[] pathAndQuery = shape.split("\\?", 2);
            String[] query = pathAndQuery.length > 1 ? pathAndQuery[1].split("=", 2) : new String[] {null, null};
            return new Form(provider, hosts, List.of(pathAndQuery[0].split("/")), query[0], query[1]);
        }

        Optional<VideoLink> match(HttpUrl url, List<String> segments, String asGiven) {
            if (!hosts.contains(host(url)) || segments.size() < path.size()) {
                return Optional.empty();
            }
            Map<String, String> parts = new HashMap<>();
            for (int index = 0; index < path.size(); index++) {
                if (!fits(path.get(index), segments.get(index))) {
                    return Optional.empty();
                }
                parts.put(path.get(index), segments.get(index));
            }
            if (parameter != null) {
                parts.put(carries, url.queryParameter(parameter));
            }
            return link(provider, parts.get("{id}"), parts.get("{hash}"), asGiven);
        }

        private static boolean fits(String expected, String segment) {
            return expected.startsWith("{") || expected.equals("*") || expected.equals(segment);
        }
    }
}
