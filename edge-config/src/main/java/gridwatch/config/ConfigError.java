package gridwatch.config;

/**
 * One problem found in a configuration or profile file, pinned to where an operator can fix it.
 *
 * @param file   the file as the user named it
 * @param line   1-based line, or 0 when the problem has no position (e.g. a missing file)
 * @param column 1-based column, or 0
 * @param path   the field in dotted form, e.g. {@code devices[0].profile}; empty for the whole document
 * @param message what is wrong, in words an operator understands
 */
public record ConfigError(String file, int line, int column, String path, String message) {

    /** Renders {@code file:line:column: path: message}, the form editors and CI logs link to. */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
