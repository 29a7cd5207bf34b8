package io.tally.hitkeep.model;

/**
 * The state of one import file after a chunk: where the next chunk starts, and whether it is complete.
 *
 * @param importId      the import id
 * @param fileId        the file id
 * @param bytesReceived bytes stored so far (a repeated chunk is accepted and not stored twice)
 * @param complete      whether the declared size has been reached
 */
public record ImportChunkProgress(String importId, String fileId, long bytesReceived, boolean complete) {}
