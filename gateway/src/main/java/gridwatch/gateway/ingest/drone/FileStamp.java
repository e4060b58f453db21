package gridwatch.gateway.ingest.drone;

/**
 * What identifies a version of a file in a watched folder: its size and modification time (milliseconds). A file whose
 * stamp is in the ledger was handled; any change to either (a file replaced, or completed) makes it new again.
 */
record FileStamp(long size, long mtimeMillis) {
}
