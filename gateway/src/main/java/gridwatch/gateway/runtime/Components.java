package gridwatch.gateway.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a gateway has opened, in the order it opened it; {@link #close()} closes it in reverse,
 * and a part that fails to close is logged while the rest still close. The gateway adds each part
 * the moment it exists, so a start that fails half-way closes exactly what it had opened: no
 * writer thread keeping the JVM alive, no port left bound.
 */
final class Components implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Components.class);

    private record Part(String name, AutoCloseable part) {
    }

    private final Deque<Part> opened = new ArrayDeque<>();

    /** Records {@code part} as open; returns it. */
    <T extends AutoCloseable> T add(String name, T part) {
        opened.push(new Part(name, part));
        return part;
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            Part p = opened.pop();
            try {
                p.part().close();
            } catch (Exception | LinkageError e) {
                LOG.warn("closing {} failed: {}", p.name(), e.toString());
            }
        }
    }
}
