package org.creatorarchiver.phase2;

public final class Phase2WorkerMain {
    public static void main(String[] args) {}
}
