/**
 * Captions become transcripts, without a paid call. {@link org.creatorarchiver.phase4.captions.CaptionTranscripts}
 * is the entry: the subtitles phase 2 stored ({@link org.creatorarchiver.phase4.captions.StoredCaptions}) or a
 * YouTube video's captions fetched with yt-dlp ({@link org.creatorarchiver.phase4.captions.YouTubeCaptions}),
 * ranked by {@link org.creatorarchiver.phase4.captions.CaptionChoice} (human before machine, the settings' language
 * order, translations last) and read by {@link org.creatorarchiver.phase4.captions.CaptionParser} (WebVTT or SRT,
 * YouTube's rolling captions collapsed) into a {@link org.creatorarchiver.phase4.text.TimedText}.
 */
package org.creatorarchiver.phase4.captions;
