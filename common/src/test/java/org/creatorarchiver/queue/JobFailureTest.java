package org.creatorarchiver.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobFailureTest {

    @Test
    void aFailureOutsideTheVocabularyIsNotOne() {
        assertThat(JobFailure.in(new IllegalStateException(new IOException("reset"))))
                .isEmpty();
    }

    @Test
    void aWrappedFailureIsFound() {
        JobFailure locked = JobFailure.permanent("post is locked");

        assertThat(JobFailure.in(new RuntimeException(locked))).contains(locked);
    }

    @Test
    void aPermanentFailureAnywhereInTheChainWins() {
        JobFailure notFound = JobFailure.permanent("404");
        JobFailure wrapper = JobFailure.retry("listing failed", notFound);

        assertThat(JobFailure.in(wrapper)).contains(notFound);
    }

    @Test
    void aDelayAskedForDeeperInTheChainIsHonoured() {
        JobFailure rateLimited = JobFailure.retryAfter(Duration.ofSeconds(30), "429");
        JobFailure wrapper = JobFailure.retry("page failed", rateLimited);

        assertThat(JobFailure.in(wrapper)).contains(rateLimited);
        assertThat(rateLimited.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(wrapper.retryAfter()).isEmpty();
    }

    @Test
    void onlyAPermanentFailureIsNotRetryable() {
        assertThat(JobFailure.retry("5xx", null).retryable()).isTrue();
        assertThat(JobFailure.retryAfter(Duration.ZERO, "429").retryable()).isTrue();
        assertThat(JobFailure.permanent("404").retryable()).isFalse();
        assertThatThrownBy(() -> new JobFailure.RetryAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
