package org.creatorarchiver.media;

/**
 * A file kept in the media store.
 *
 * @param id    the {@code media_files} row
 * @param path  relative to {@code MEDIA_DIR}: {@code sha256/ab/cd/<hash>.<ext>}
 * @param isNew true when these bytes were not stored before this call; false when an existing row was linked
 */
public record StoredFile(long id, String path, boolean isNew) {}
