package org.creatorarchiver.phase4.captions;

import java.util.Locale;
import java.util.regex.Pattern;

/** Language tags as yt-dlp names caption tracks: {@code en}, {@code en-US}, {@code es-419}, {@code zh-Hans}. */
final class LanguageTags {

    /**
     * YouTube names a machine translation of a human track {@code <target>-<source>}: "es-en" is Spanish translated
     * from English. A region is upper case or digits ({@code en-US}, {@code es-419}) and a script has four letters
     * ({@code zh-Hans}), so a second subtag of two or three lower-case letters is a source language. Tags from
     * elsewhere that write regions in lower case would be taken for translations: they only rank lower, never
     * disappear.
     */
    private static final Pattern TRANSLATION = Pattern.compile("[a-z]{2,3}-[a-z]{2,3}(?:-.+)?");

    private LanguageTags() {}

    /** The language without region or script, lower case: "en" for "en-US", "es" for "es-419". */
    static String primary(String tag) {
        int end = 0;
        while (end < tag.length() && tag.charAt(end) != '-' && tag.charAt(end) != '_') {
            end++;
        }
        return tag.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** Whether two tags name the same language, ignoring region and script. */
    static boolean sameLanguage(String tag, String other) {
        return primary(tag).equals(primary(other));
    }

    /** Whether yt-dlp's name says the track is YouTube's translation of another track (see {@link #TRANSLATION}). */
    static boolean namesTranslation(String tag) {
        return TRANSLATION.matcher(tag).matches() && !tag.endsWith("-orig");
    }
}
