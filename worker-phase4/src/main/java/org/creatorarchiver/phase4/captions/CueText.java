package org.creatorarchiver.phase4.captions;

import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cue's line says, as plain text: markup removed (WebVTT's {@code <c>}, {@code <i>}, {@code <b>},
 * {@code <u>}, {@code <v Speaker>}, {@code <lang>}, {@code <ruby>}, inline timestamps; SRT's {@code <font>} and
 * {@code {\an8}}), entities decoded, invisible direction marks dropped and spaces collapsed.
 */
final class CueText {

    /** YouTube's word timings, {@code <00:00:01.234>}. */
    private static final Pattern TIMESTAMP_TAG = Pattern.compile("<(?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}>");
    /** A ruby annotation (the reading of the base text) is not said a second time; its end tag is optional. */
    private static final Pattern RUBY_TEXT = Pattern.compile("<rt\\b[^>]*>[^<]*(?:</rt>)?");
    /** A tag starts with a letter: "a < b" or "<3" in an SRT stays text. */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
    /** SubStation override blocks that SRT files carry over, such as {@code {\an8}} (top of the screen). */
    private static final Pattern OVERRIDE = Pattern.compile("\\{\\\\[^{}]*}");

    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]+));");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200E\\u200F\\u202A-\\u202E\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    /** WebVTT's own six, plus the typographic ones subtitle editors write; any other stays as written. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", " "),
            Map.entry("lrm", ""),
            Map.entry("rlm", ""),
            Map.entry("ndash", "\u2013"),
            Map.entry("mdash", "\u2014"),
            Map.entry("hellip", "\u2026"),
            Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201C"),
            Map.entry("rdquo", "\u201D"));

    private CueText() {}

    /** One line of a cue as plain text; empty when it held only markup or spaces. */
    static String clean(String raw) {
        String text = TIMESTAMP_TAG.matcher(raw).replaceAll("");
        text = RUBY_TEXT.matcher(text).replaceAll("");
        text = TAG.matcher(text).replaceAll("");
        text = OVERRIDE.matcher(text).replaceAll("");
        // Decoded last, so that an escaped "&lt;i&gt;" stays the text "<i>" rather than becoming a tag to strip.
        text = ENTITY.matcher(text).replaceAll(CueText::decoded);
        text = INVISIBLE.matcher(text).replaceAll("");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static String decoded(MatchResult entity) {
        String replacement = entity.group(3) != null ? NAMED.get(entity.group(3)) : codePoint(entity);
        return Matcher.quoteReplacement(replacement != null ? replacement : entity.group());
    }

    /** The character a numeric reference names; null for a number that is no character. */
    private static String codePoint(MatchResult entity) {
        int value = entity.group(1) != null ? Integer.parseInt(entity.group(1)) : Integer.parseInt(entity.group(2), 16);
        boolean character = value > 0
                && Character.isValidCodePoint(value)
                && !(value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE);
        return character ? Character.toString(value) : null;
    }
}
