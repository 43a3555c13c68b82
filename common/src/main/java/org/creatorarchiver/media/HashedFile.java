package org.creatorarchiver.media;

/**
 * A file in a worker's temp directory whose SHA-256 and size are known: what {@link MediaStore#store} takes.
 *
 * @param sha256 64 lowercase hex digits
 */
public record HashedFile(java.nio.file.Path path, String sha256, long size) {}
