package org.creatorarchiver.queue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Worker ids: {@code <process-name>-<host>-<pid>-<short random>}, unique even when a pid is reused in a container. */
public final class WorkerId {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkerId() {}

    public static String generate(String processName) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return safe(processName) + "-" + safe(hostName()) + "-"
                + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(suffix);
    }

    public static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** Ids end up in key names, SCAN patterns and directory names: keep them to a plain alphabet. */
    private static String safe(String part) {
        String cleaned = part.replaceAll("[^A-Za-z0-9_.-]", "_");
        return cleaned.isEmpty() ? "_" : cleaned;
    }
}
