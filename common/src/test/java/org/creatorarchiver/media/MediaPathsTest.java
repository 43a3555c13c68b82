package org.creatorarchiver.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaPathsTest {

    private static final String HASH = "0d54d561972db18b798ad61ab43d1cc4ae3354ac511918d7d0a74c3bfcfc381b";

    @Test
    void theFileSitsUnderItsHashsFirstTwoBytePairs() {
        assertThat(MediaPaths.relativePath(HASH, "mp4")).isEqualTo("sha256/0d/54/" + HASH + ".mp4");
        assertThat(MediaPaths.relativePath(HASH, null)).isEqualTo("sha256/0d/54/" + HASH);
    }

    @ParameterizedTest
    @CsvSource({"mp4,mp4", ".MP4,mp4", "vtt,vtt", "m4a,m4a", "abcdefghij,abcdefghij"})
    void shortAlphanumericExtensionsAreKeptInLowerCase(String given, String kept) {
        assertThat(MediaPaths.safeExtension(given)).contains(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "tar.gz", "../x", "mp4/", "abcdefghijk", "mp 4", "wébm", "mp4?x=1"})
    void anythingElseGivesNoExtension(String given) {
        assertThat(MediaPaths.safeExtension(given)).isEqualTo(Optional.empty());
        assertThat(MediaPaths.relativePath(HASH, given)).isEqualTo("sha256/0d/54/" + HASH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0D54D561972DB18B798AD61AB43D1CC4AE3354AC511918D7D0A74C3BFCFC381B", "0d54", "../etc"})
    void aPathNeedsARealSha256(String notAHash) {
        assertThatThrownBy(() -> MediaPaths.relativePath(notAHash, "mp4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a SHA-256 in 64 lowercase hex digits: " + notAHash);
    }
}
