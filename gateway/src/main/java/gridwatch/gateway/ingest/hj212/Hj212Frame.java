package gridwatch.gateway.ingest.hj212;

/**
 * A framed packet: {@code ##} + 4-digit length + data segment + CRC + CR LF, cut by
 * {@link Hj212FrameDecoder}. The bytes are a copy (segments are at most a few KiB), so no
 * {@code ByteBuf} leaves the framer and nobody downstream has anything to release.
 */
public record Hj212Frame(byte[] segment, String crc) {
}
