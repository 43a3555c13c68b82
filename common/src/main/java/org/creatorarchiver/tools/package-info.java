/**
 * The external programs the workers run (phase 2 downloads, phase 4 captions and audio): yt-dlp ({@link org.creatorarchiver.tools.YtDlp}), ffprobe
 * ({@link org.creatorarchiver.tools.FfProbe}) and, through yt-dlp, ffmpeg. Every run goes through
 * {@link org.creatorarchiver.tools.Subprocess}: an argument list, no shell, URLs after {@code --}, a clean
 * environment, a timeout that stops the whole process tree, and stderr in the error.
 * {@link org.creatorarchiver.tools.ToolCheck} checks at start-up that the tools the settings need run.
 */
package org.creatorarchiver.tools;
