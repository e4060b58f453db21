package gridwatch.gateway.ingest.sl651;

import java.util.HexFormat;

/**
 * One SL 651-2014 HEX-mode frame: 7E7E, addresses (up: centre then station; down: station then
 * centre), password, function code, direction + 12-bit body length, start char (02 STX or 16
 * SYN), body, end char, CRC (already checked). Addresses and password are upper-case hex.
 */
public record Sl651Frame(int centre, String station, String password, int function, boolean up, int start, byte[] body, int end) {

    public static final int STX = 0x02;
    public static final int SYN = 0x16;

    static String hex(byte[] b, int from, int len) {
        return HexFormat.of().withUpperCase().formatHex(b, from, from + len);
    }
}
