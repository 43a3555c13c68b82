package org.creatorarchiver.testing.patreon;

import java.time.Duration;

/**
 * The {@link FakePatreon} as a process, for trying the real jars without the internet:
 * {@code FakePatreonServer <port> <vanity>:<campaign id>:<user id>:<posts> ... [--latency-ms N] [--mux-dir DIR] [--with-samples] [--flaky R429,R500] [--cloudflare]}
 * (--with-samples applies to the creators after it). Runs until killed.
 */
public final class FakePatreonServer {

    private FakePatreonServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: FakePatreonServer <port> <vanity>:<campaign id>:<user id>:<posts>... [--latency-ms N] [--mux-dir DIR] [--with-samples] [--flaky R429,R500] [--cloudflare]");
            System.exit(2);
        }
        FakePatreon patreon = FakePatreon.start(Integer.parseInt(args[0]));
        boolean withSamples = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--latency-ms")) {
                patreon.latency(Duration.ofMillis(Long.parseLong(args[++i])));
                continue;
            }
            if (args[i].equals("--mux-dir")) {
                patreon.muxDirectory(java.nio.file.Path.of(args[++i]).toAbsolutePath());
                continue;
            }
            if (args[i].equals("--flaky")) {
                // --flaky <share of 429s>,<share of 500s>, e.g. 0.05,0.05
                String[] rates = args[++i].split(",");
                patreon.flaky(Double.parseDouble(rates[0]), Double.parseDouble(rates[1]));
                continue;
            }
            if (args[i].equals("--cloudflare")) {
                patreon.refuse(FakePatreon.Refusal.CLOUDFLARE);
                continue;
            }
            if (args[i].equals("--with-samples")) {
                withSamples = true;
                continue;
            }
            String[] creator = args[i].split(":");
            FakeCreator added = patreon.addCreator(creator[0], creator[1], creator[2]);
            if (withSamples) {
                // The seven sample posts (every post type) and the sample collections, then the generated posts.
                added.addSamplePosts().addSampleCollections();
            }
            added.addPosts(Integer.parseInt(creator[3]));
        }
        System.err.println("fake Patreon on " + patreon.baseUrl());
        Thread.currentThread().join();
    }
}
