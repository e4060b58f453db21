package gridwatch.gateway.uplink.mqtt;

/** Names of the MQTT 5 PUBACK reason codes a broker may refuse a message with (MQTT 5.0, 3.4.2.1). */
final class PubackReasons {

    private PubackReasons() {
    }

    static String describe(int code) {
        String name = switch (code) {
            case 0x80 -> "unspecified error";
            case 0x83 -> "implementation specific error";
            case 0x87 -> "not authorized";
            case 0x90 -> "topic name invalid";
            case 0x91 -> "packet identifier in use";
            case 0x97 -> "quota exceeded";
            case 0x99 -> "payload format invalid";
            default -> "reason code";
        };
        return name + " (0x" + Integer.toHexString(code) + ")";
    }
}
