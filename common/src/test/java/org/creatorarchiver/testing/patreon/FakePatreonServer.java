package org.creatorarchiver.testing.patreon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@link FakePatreon} as a process, for trying the real jars without the internet. Runs until killed.
 * <pre>
 * FakePatreonServer &lt;port&gt; [options] &lt;vanity&gt;:&lt;campaign id&gt;:&lt;user id&gt;:&lt;posts&gt; ...
 *   --latency-ms N       delay before every answer
 *   --video-dir DIR      a video site (YouTube watch pages with en/es subtitles) and Mux stream made in DIR;
 *                        its CDN then serves a real recording (TestVideos.AUDIO) for every .mp3 file
 *   --mux-dir DIR        only a Mux stream, from an HLS directory
 *   --with-samples       the creators after it start with the seven sample posts and the sample collections
 *   --every-kind         the creators after it get posts of every kind in media variants, locked posts, long
 *                        videos and three collections (FakeCreator.addPostsOfEveryKind) instead of sample copies
 *   --flaky R429,R500    shares of API requests answered 429 and 500, e.g. 0.05,0.05
 *   --cloudflare         every request gets Cloudflare's 403 challenge
 * </pre>
 */
public final class FakePatreonServer {

    private static final String USAGE =
            "usage: FakePatreonServer <port> [--latency-ms N] [--video-dir DIR] [--mux-dir DIR]"
                    + " [--with-samples] [--every-kind] [--flaky R429,R500] [--cloudflare] <vanity>:<campaign id>:<user id>:<posts>...";

    private FakePatreonServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            fail("");
        }
        // The videos are made before the port opens: whoever waits for the port finds a complete fake.
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--video-dir")) {
                TestVideos.makeIn(Path.of(args[i + 1]).toAbsolutePath());
                TestVideos.audioIn(Path.of(args[i + 1]).toAbsolutePath());
            }
        }
        FakePatreon patreon = FakePatreon.start(Integer.parseInt(args[0]));
        boolean withSamples = false;
        boolean everyKind = false;
        for (int i = 1; i < args.length; i++) {
            String argument = args[i];
            switch (argument) {
                case "--latency-ms" -> patreon.latency(Duration.ofMillis(Long.parseLong(value(args, ++i))));
                case "--mux-dir" ->
                    patreon.muxDirectory(Path.of(value(args, ++i)).toAbsolutePath());
                case "--video-dir" -> {
                    Path videos = Path.of(value(args, ++i)).toAbsolutePath(); // made above
                    patreon.videoSite(videos);
                    patreon.cdn().audio(Files.readAllBytes(TestVideos.audioIn(videos)));
                }
                case "--flaky" -> {
                    String[] rates = value(args, ++i).split(",");
                    patreon.flaky(Double.parseDouble(rates[0]), Double.parseDouble(rates.length > 1 ? rates[1] : "0"));
                }
                case "--cloudflare" -> patreon.refuse(FakePatreon.Refusal.CLOUDFLARE);
                case "--with-samples" -> withSamples = true;
                case "--every-kind" -> everyKind = true;
                default -> addCreator(patreon, argument, withSamples, everyKind);
            }
        }
        System.err.println("fake Patreon on " + patreon.baseUrl());
        Thread.currentThread().join();
    }

    private static void addCreator(FakePatreon patreon, String argument, boolean withSamples, boolean everyKind) {
        String[] creator = argument.split(":");
        if (creator.length != 4 || argument.startsWith("--")) {
            fail("not a creator or option: " + argument);
        }
        FakeCreator added = patreon.addCreator(creator[0], creator[1], creator[2]);
        if (withSamples) {
            added.addSamplePosts().addSampleCollections();
        }
        int posts = Integer.parseInt(creator[3]);
        if (everyKind) {
            added.addPostsOfEveryKind(posts);
        } else {
            added.addPosts(posts);
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            fail(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static void fail(String problem) {
        System.err.println((problem.isEmpty() ? "" : "FakePatreonServer: " + problem + "\n") + USAGE);
        System.exit(2);
    }
}
