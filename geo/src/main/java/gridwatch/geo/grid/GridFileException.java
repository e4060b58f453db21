package gridwatch.geo.grid;

import java.util.List;

/** A grid file that cannot be used, with every problem found in it (one line each: {@code file: features[3]: reason}). */
public final class GridFileException extends Exception {

    private final List<String> problems;

    public GridFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
