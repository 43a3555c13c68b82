package org.creatorarchiver.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pair of states of each status column, allowed or refused, against the matrix written out here by hand
 * (docs/ARCHITECTURE.md "Life of a media item and of a video"), and every move's check on every pair.
 */
class TransitionTablesTest {

    /** videos.status: nothing leads to pending or processing; only a video still waiting may fail. */
    static boolean videoAllowed(VideoStatus from, VideoStatus to) {
        return switch (to) {
            case pending, processing -> false;
            case failed ->
                Set.of(VideoStatus.pending, VideoStatus.queued, VideoStatus.processing)
                        .contains(from);
            default -> true;
        };
    }

    /** post_media.status: a decision may replace any state; only a queued item may fail. */
    static boolean postMediaAllowed(PostMediaStatus from, PostMediaStatus to) {
        return to != PostMediaStatus.failed || from == PostMediaStatus.queued;
    }

    /**
     * transcripts.status: pending and processing are taken up or given up; the ends, skipped and failed, are asked
     * for again; completed is final (nothing already paid for is sent again).
     */
    static boolean transcriptAllowed(TranscriptStatus from, TranscriptStatus to) {
        return switch (from) {
            case pending -> to == TranscriptStatus.processing || to == TranscriptStatus.failed;
            case processing -> to != TranscriptStatus.pending;
            case skipped, failed -> to == TranscriptStatus.pending;
            case completed -> false;
        };
    }

    static Stream<Arguments> transcriptPairs() {
        return pairs(TranscriptStatus.values());
    }

    @ParameterizedTest(name = "transcripts.status {0} -> {1}")
    @MethodSource("transcriptPairs")
    void transcriptMatrix(TranscriptStatus from, TranscriptStatus to) {
        assertThat(TranscriptStates.COLUMN.allowed(from, to)).isEqualTo(transcriptAllowed(from, to));
        assertThat(TranscriptStates.COLUMN.allowedNew(to)).isEqualTo(to == TranscriptStatus.pending);
        everyMoveChecks(TranscriptStates.COLUMN, TranscriptStates.Move.values(), from, to);
    }

    static Stream<Arguments> videoPairs() {
        return pairs(VideoStatus.values());
    }

    static Stream<Arguments> postMediaPairs() {
        return pairs(PostMediaStatus.values());
    }

    static Stream<Arguments> postPairs() {
        return pairs(PostStatus.values());
    }

    @ParameterizedTest(name = "videos.status {0} -> {1}")
    @MethodSource("videoPairs")
    void videoMatrix(VideoStatus from, VideoStatus to) {
        assertThat(VideoStates.COLUMN.allowed(from, to)).isEqualTo(videoAllowed(from, to));
        assertThat(VideoStates.COLUMN.allowedNew(to))
                .isEqualTo(to != VideoStatus.pending && to != VideoStatus.processing && to != VideoStatus.failed);
        everyMoveChecks(VideoStates.COLUMN, VideoStates.Move.values(), from, to);
    }

    @ParameterizedTest(name = "post_media.status {0} -> {1}")
    @MethodSource("postMediaPairs")
    void postMediaMatrix(PostMediaStatus from, PostMediaStatus to) {
        assertThat(PostMediaStates.COLUMN.allowed(from, to)).isEqualTo(postMediaAllowed(from, to));
        assertThat(PostMediaStates.COLUMN.allowedNew(to)).isEqualTo(to != PostMediaStatus.failed);
        everyMoveChecks(PostMediaStates.COLUMN, PostMediaStates.Move.values(), from, to);
    }

    /** posts.status: a post may be listed, taken up, finished or requeued from any state. */
    @ParameterizedTest(name = "posts.status {0} -> {1}")
    @MethodSource("postPairs")
    void postMatrix(PostStatus from, PostStatus to) {
        assertThat(PostStates.COLUMN.allowed(from, to)).isTrue();
        assertThat(PostStates.COLUMN.allowedNew(to)).isEqualTo(to == PostStatus.discovered);
        everyMoveChecks(PostStates.COLUMN, PostStates.Move.values(), from, to);
    }

    private static <S extends Enum<S> & org.jooq.EnumType> void everyMoveChecks(
            StatusColumn<?, S> column, StatusMove<S>[] moves, S from, S to) {
        for (StatusMove<S> move : moves) {
            if (move.from().contains(from) && move.to().contains(to)) {
                assertThat(column.check(move, Optional.of(from), to)).isEqualTo(to);
            } else {
                assertThatThrownBy(() -> column.check(move, Optional.of(from), to))
                        .isInstanceOf(IllegalTransitionException.class)
                        .hasMessage(column.name() + " cannot move from " + from.name() + " to " + to.name() + " by "
                                + move.name());
            }
        }
    }

    private static <S extends Enum<S>> Stream<Arguments> pairs(S[] values) {
        return Arrays.stream(values).flatMap(from -> Arrays.stream(values).map(to -> Arguments.of(from, to)));
    }
}
