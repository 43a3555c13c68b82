package org.creatorarchiver.phase2.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time from Linux's /proc, in clock ticks: the whole machine's busy and total time ({@code /proc/stat}) and the
 * user + system time of given processes ({@code /proc/<pid>/stat}). Two snapshots give how busy the cores were
 * between them and which processes used them.
 */
record CpuTimes(long machineBusy, long machineTotal, Map<Long, Long> processTicks) {

    /** Ticks per second of these values ({@code getconf CLK_TCK}; 100 on Linux). */
    static final long TICKS_PER_SECOND = Long.getLong("bench.clockTicks", 100);

    static CpuTimes now(Collection<Long> pids) throws IOException {
        // cpu user nice system idle iowait irq softirq steal ...
        long[] cpu = Arrays.stream(Files.readAllLines(Path.of("/proc/stat"))
                        .getFirst()
                        .trim()
                        .split("\\s+"))
                .skip(1)
                .mapToLong(Long::parseLong)
                .toArray();
        long idle = cpu[3] + cpu[4];
        long busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7];
        Map<Long, Long> processes = new HashMap<>();
        for (long pid : pids) {
            processes.put(pid, ticksOf(pid));
        }
        return new CpuTimes(busy, busy + idle, Map.copyOf(processes));
    }

    /** What was used between {@code earlier} and this snapshot (same processes). */
    CpuTimes since(CpuTimes earlier) {
        Map<Long, Long> used = new HashMap<>();
        processTicks.forEach((pid, ticks) -> used.put(pid, ticks - earlier.processTicks.getOrDefault(pid, 0L)));
        return new CpuTimes(machineBusy - earlier.machineBusy, machineTotal - earlier.machineTotal, Map.copyOf(used));
    }

    /** The share of all cores' time that was busy, 0..1. */
    double busyShare() {
        return machineTotal == 0 ? 0 : (double) machineBusy / machineTotal;
    }

    long ticksOf(Collection<Long> pids) {
        return pids.stream()
                .mapToLong(pid -> processTicks.getOrDefault(pid, 0L))
                .sum();
    }

    static double seconds(long ticks) {
        return (double) ticks / TICKS_PER_SECOND;
    }

    private static long ticksOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // The command name in parentheses may hold spaces; utime and stime are fields 14 and 15 of the whole line.
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(afterName[11]) + Long.parseLong(afterName[12]);
    }
}
