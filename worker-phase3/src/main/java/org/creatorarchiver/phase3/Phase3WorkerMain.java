package org.creatorarchiver.phase3;

public final class Phase3WorkerMain {
    public static void main(String[] args) {}
}
