package org.creatorarchiver.phase4.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionChoiceTest {

    private static final List<String> ENGLISH_THEN_SPANISH = List.of("en", "es");

    @Test
    void aManualTrackInTheSecondLanguageBeatsAnAutomaticTrackInTheFirst() {
        List<CaptionTrack> tracks = List.of(automatic("en"), manual("es"));

        assertThat(CaptionChoice.best(tracks, ENGLISH_THEN_SPANISH)).contains(manual("es"));
    }

    @Test
    void manualTracksFollowTheSettingsLanguageOrder() {
        List<CaptionTrack> tracks = List.of(manual("es"), manual("en"));

        assertThat(CaptionChoice.best(tracks, ENGLISH_THEN_SPANISH)).contains(manual("en"));
        assertThat(CaptionChoice.best(tracks, List.of("es", "en"))).contains(manual("es"));
    }

    @Test
    void automaticTracksFollowTheSettingsLanguageOrderToo() {
        List<CaptionTrack> tracks = List.of(automatic("es"), automatic("en"));

        assertThat(CaptionChoice.ranked(tracks, ENGLISH_THEN_SPANISH))
                .containsExactly(automatic("en"), automatic("es"));
    }

    @Test
    void aRegionalVariantFitsItsLanguageButAnExactTagComesFirst() {
        List<CaptionTrack> regional = List.of(manual("en-GB"), manual("es-419"));
        List<CaptionTrack> both = List.of(manual("en-US"), manual("en"), manual("en-GB"));

        assertThat(CaptionChoice.best(regional, ENGLISH_THEN_SPANISH)).contains(manual("en-GB"));
        assertThat(CaptionChoice.best(regional, List.of("es", "en"))).contains(manual("es-419"));
        assertThat(CaptionChoice.ranked(both, ENGLISH_THEN_SPANISH))
                .containsExactly(manual("en"), manual("en-GB"), manual("en-US"));
        assertThat(CaptionChoice.best(both, List.of("en-US"))).contains(manual("en-US"));
    }

    @Test
    void languagesMatchWhateverTheCase() {
        assertThat(CaptionChoice.best(List.of(manual("EN-us")), List.of("en"))).contains(manual("EN-us"));
    }

    @Test
    void aTranslationNamedTargetDashSourceNeverBeatsAnOriginal() {
        CaptionTrack spanishFromEnglish = new CaptionTrack("es-en", true, Path.of("v.es-en.vtt"));
        List<CaptionTrack> tracks = List.of(spanishFromEnglish, automatic("es"));

        assertThat(spanishFromEnglish.translated()).isTrue();
        assertThat(CaptionChoice.ranked(tracks, List.of("es"))).containsExactly(automatic("es"), spanishFromEnglish);
    }

    @Test
    void aTrackYtDlpMarkedAsTranslatedRanksAfterEveryOriginalWhateverItsName() {
        CaptionTrack englishTranslation = new CaptionTrack("en", true, true, Path.of("v.en.vtt"));
        List<CaptionTrack> tracks = List.of(englishTranslation, automatic("es"));

        assertThat(CaptionChoice.ranked(tracks, ENGLISH_THEN_SPANISH))
                .containsExactly(automatic("es"), englishTranslation);
    }

    @Test
    void aTranslationIsStillBetterThanNothing() {
        CaptionTrack englishFromFrench = new CaptionTrack("en-fr", true, Path.of("v.en-fr.vtt"));

        assertThat(CaptionChoice.best(List.of(englishFromFrench, manual("fr")), ENGLISH_THEN_SPANISH))
                .contains(englishFromFrench);
    }

    @Test
    void regionsScriptsAndOriginalsAreNotMistakenForTranslations() {
        assertThat(List.of("en", "en-US", "es-419", "zh-Hans", "pt-BR", "en-orig", "fil"))
                .allSatisfy(tag -> assertThat(new CaptionTrack(tag, false, Path.of("x")).translated())
                        .as(tag)
                        .isFalse());
        assertThat(List.of("es-en", "fr-en-GB", "de-es-419"))
                .allSatisfy(tag -> assertThat(new CaptionTrack(tag, true, Path.of("x")).translated())
                        .as(tag)
                        .isTrue());
    }

    @Test
    void tracksInNoListedLanguageAreNeverChosen() {
        List<CaptionTrack> tracks = List.of(manual("fr"), automatic("de"));

        assertThat(CaptionChoice.best(tracks, ENGLISH_THEN_SPANISH)).isEmpty();
        assertThat(CaptionChoice.best(List.of(manual("en")), List.of())).isEmpty();
        assertThat(CaptionChoice.best(List.of(), ENGLISH_THEN_SPANISH)).isEmpty();
    }

    private static CaptionTrack manual(String language) {
        return new CaptionTrack(language, false, Path.of("video." + language + ".vtt"));
    }

    private static CaptionTrack automatic(String language) {
        return new CaptionTrack(language, true, Path.of("video." + language + ".vtt"));
    }
}
