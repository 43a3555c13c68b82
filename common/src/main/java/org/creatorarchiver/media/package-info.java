/**
 * The media store: downloads hashed while they stream to a temp file, then kept once per SHA-256 under
 * {@code MEDIA_DIR/sha256/ab/cd/<hash>.<ext>} with one {@code media_files} row each (docs/ARCHITECTURE.md,
 * "Deduplication and reference counts").
 */
package org.creatorarchiver.media;
