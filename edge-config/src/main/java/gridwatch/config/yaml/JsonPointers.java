package gridwatch.config.yaml;

/** Conversions between JSON pointers and the dotted paths operators read in error messages. */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** {@code /devices/0/connection/type} becomes {@code devices[0].connection.type}. */
    public static String toDotted(String pointer) {
        if (pointer.isEmpty() || pointer.equals("/")) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(token).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(token);
            }
        }
        return sb.toString();
    }

    /** Appends one reference token, escaped as RFC 6901 requires. */
    public static String child(String pointer, String token) {
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }
}
