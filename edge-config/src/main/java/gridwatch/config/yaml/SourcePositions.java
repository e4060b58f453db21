package gridwatch.config.yaml;

import java.util.Map;

/** Maps JSON pointers to where their key (or, for array items, their value) starts in the YAML text. */
public final class SourcePositions {

    /** 1-based line and column. */
    public record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }

    private final Map<String, Position> byPointer;

    SourcePositions(Map<String, Position> byPointer) {
        this.byPointer = Map.copyOf(byPointer);
    }

    /**
     * The position of {@code pointer}, or of its closest ancestor that exists in the file
     * (a missing required field is reported on the object that lacks it).
     */
    public Position nearest(String pointer) {
        String p = pointer;
        while (true) {
            Position found = byPointer.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return Position.UNKNOWN;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
