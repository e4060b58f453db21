package gridwatch.gateway.ingest.drone;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Photos on disk under their SHA-256: {@code photos/ab/ab12….jpg}. A photo is written once to a temporary file,
 * fsync'd and renamed into place, then its directory is fsync'd, so after a crash a stored path holds the whole photo
 * or does not exist. The same bytes arriving twice are stored once. Thread-safe: writers use distinct temporary files
 * and the rename is atomic.
 */
final class PhotoStore {

    private final Path photos;
    private final Path tmp;

    /** @param root the store's directory; nothing is touched until {@link #open} */
    PhotoStore(Path root) {
        this.photos = root.resolve("photos");
        this.tmp = root.resolve("tmp");
    }

    /** Creates the directories and removes temporary files a crash left behind (their photos were never recorded). */
    void open() throws IOException {
        Files.createDirectories(photos);
        Files.createDirectories(tmp);
        try (Stream<Path> left = Files.list(tmp)) {
            for (Path p : left.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    Path pathOf(String sha256) {
        return photos.resolve(sha256.substring(0, 2)).resolve(sha256 + ".jpg");
    }

    /** Stores {@code bytes} under {@code sha256} unless a whole copy is there already; blocks on disk I/O. */
    Path put(String sha256, byte[] bytes) throws IOException {
        Path target = pathOf(sha256);
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
            return target;
        }
        Path dir = Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(tmp, sha256.substring(0, 8), ".part");
        try {
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        syncDirectory(dir);
        return target;
    }

    /** Makes the rename durable: on Linux a directory opened for reading can be fsync'd. */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
