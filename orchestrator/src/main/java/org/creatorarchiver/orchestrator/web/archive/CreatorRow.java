package org.creatorarchiver.orchestrator.web.archive;

/** A creator as the archive's first page lists it. */
public record CreatorRow(long id, String label, long posts) {}
