package org.creatorarchiver.phase1;

public final class Phase1WorkerMain {
    public static void main(String[] args) {}
}
