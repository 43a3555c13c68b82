package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeCommandTest {

    @Test
    void listensOnLoopbackUnlessToldOtherwise() {
        CommandRun help = CommandRun.of("serve", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--bind").contains("default: 127.0.0.1");
    }
}
