package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.creatorarchiver.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class ServeCommandTest {

    @Test
    void listensOnLoopbackUnlessToldOtherwise() {
        CommandRun help = CommandRun.of("serve", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--bind").contains("default: 127.0.0.1");
    }

    @Test
    void refusesToListenBeyondLoopbackWithoutTheDashboardToken() {
        TestDatabase.migrated();
        CommandRun serve = CommandRun.of("serve", "--bind", "0.0.0.0", "--port", "0");

        assertThat(serve.exitCode()).isNotZero();
        assertThat(serve.err().strip())
                .contains("--bind 0.0.0.0 is not a loopback address")
                .contains("ARCHIVER_UI_TOKEN")
                .doesNotContain("\n");
    }
}
