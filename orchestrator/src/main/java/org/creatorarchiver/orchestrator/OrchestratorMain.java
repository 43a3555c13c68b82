package org.creatorarchiver.orchestrator;

public final class OrchestratorMain {
    public static void main(String[] args) {}
}
