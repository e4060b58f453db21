package gridwatch.gateway.timeseries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Batches of line protocol waiting on disk for the database: one file per batch, named by a
 * sequence so they drain oldest first. Bounded: past {@code maxBytes} the oldest files are
 * dropped (the caller counts them). Used by the writer thread only.
 */
final class LineSpool {

    private final Path dir;
    private final long maxBytes;
    private long next;
    private long bytes;

    LineSpool(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            for (Path f : files()) {
                bytes += Files.size(f);
                next = Math.max(next, seqOf(f) + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool " + dir, e);
        }
    }

    /** Stores a batch; returns how many lines were dropped from the oldest batches to make room. */
    int add(List<String> lines) throws IOException {
        Path f = dir.resolve(String.format("%020d.lp", next++));
        byte[] data = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        Files.write(f, data);
        bytes += data.length;
        int dropped = 0;
        while (bytes > maxBytes) {
            Optional<Path> oldest = oldest();
            if (oldest.isEmpty() || oldest.get().equals(f)) {
                break;
            }
            dropped += read(oldest.get()).size();
            remove(oldest.get());
        }
        return dropped;
    }

    Optional<Path> oldest() throws IOException {
        List<Path> all = files();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    List<String> read(Path f) throws IOException {
        return Files.readAllLines(f, StandardCharsets.UTF_8);
    }

    void remove(Path f) throws IOException {
        long size = Files.size(f);
        Files.delete(f);
        bytes -= size;
    }

    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return bytes == 0;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".lp")).sorted().toList();
        }
    }

    private static long seqOf(Path f) {
        String n = f.getFileName().toString();
        return Long.parseLong(n.substring(0, n.length() - 3));
    }
}
