package org.creatorarchiver.testing.patreon;

import java.time.Duration;

/**
 * The {@link FakePatreon} as a process, for trying the real jars without the internet:
 * {@code FakePatreonServer <port> <vanity>:<campaign id>:<user id>:<posts> ... [--latency-ms N] [--mux-dir DIR]}. Runs until killed.
 */
public final class FakePatreonServer {

    private FakePatreonServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: FakePatreonServer <port> <vanity>:<campaign id>:<user id>:<posts>... [--latency-ms N] [--mux-dir DIR]");
            System.exit(2);
        }
        FakePatreon patreon = FakePatreon.start(Integer.parseInt(args[0]));
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--latency-ms")) {
                patreon.latency(Duration.ofMillis(Long.parseLong(args[++i])));
                continue;
            }
            if (args[i].equals("--mux-dir")) {
                patreon.muxDirectory(java.nio.file.Path.of(args[++i]).toAbsolutePath());
                continue;
            }
            String[] creator = args[i].split(":");
            patreon.addCreator(creator[0], creator[1], creator[2]).addPosts(Integer.parseInt(creator[3]));
        }
        System.err.println("fake Patreon on " + patreon.baseUrl());
        Thread.currentThread().join();
    }
}
