package gridwatch.gateway.chaos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A real, small filesystem for the outbox (tmpfs), which the harness fills with a ballast file
 * until the kernel answers ENOSPC, and empties again. Two ways to get one, tried in order:
 * <ol>
 * <li>as root: a plain {@code mount -t tmpfs} on the directory, unmounted at close.</li>
 * <li>without root: a private mount namespace ({@code unshare --user --map-root-user --mount}):
 * the gateway is started inside it and mounts the tmpfs over its outbox directory before the JVM
 * starts; the mount vanishes with the gateway. The harness reaches the disk through
 * {@code /proc/<pid>/root}, except SQLite, which resolves that link back to this namespace's
 * path: the journal is then read inside the namespace ({@link JournalServer}).</li>
 * </ol>
 * Neither available is a failure, not a skip: the scenario would otherwise prove nothing.
 */
final class SmallDisk implements AutoCloseable {

    private static final String MOUNT_THEN_EXEC = "mount -t tmpfs -o size=\"$1\" chaos-disk \"$2\" && shift 2 && exec \"$@\"";

    private final Path dir;
    private final long sizeBytes;
    private final boolean namespaced;
    private LongSupplier gatewayPid = () -> -1;

    private SmallDisk(Path dir, long sizeBytes, boolean namespaced) {
        this.dir = dir;
        this.sizeBytes = sizeBytes;
        this.namespaced = namespaced;
    }

    /** {@code -Dchaos.disk=namespace} forces the non-root way (to check it as root); default: as above. */
    static SmallDisk at(Path dir, long sizeBytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        boolean forceNamespace = "namespace".equals(System.getProperty("chaos.disk"));
        if (!forceNamespace && run(List.of("mount", "-t", "tmpfs", "-o", "size=" + sizeBytes, "chaos-disk", dir.toString())) == 0) {
            return new SmallDisk(dir, sizeBytes, false);
        }
        if (run(List.of("unshare", "--user", "--map-root-user", "--mount", "true")) == 0) {
            return new SmallDisk(dir, sizeBytes, true);
        }
        throw new IllegalStateException("cannot make a small tmpfs for the disk-full scenario: mount needs root and user "
                + "namespaces are off (unshare --user failed). Run as root, or enable unprivileged user namespaces.");
    }

    /** How the mount works, for the report. */
    String how() {
        return namespaced ? "tmpfs " + sizeBytes / (1024 * 1024) + " MiB in the gateway's own mount namespace (unshare -Urm)"
                : "tmpfs " + sizeBytes / (1024 * 1024) + " MiB mounted by root";
    }

    /** The command prefix the gateway runs under (empty when the disk is mounted for everyone). */
    List<String> gatewayPrefix() {
        return namespaced
                ? List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c", MOUNT_THEN_EXEC, "sh",
                        Long.toString(sizeBytes), dir.toString())
                : List.of();
    }

    boolean namespaced() {
        return namespaced;
    }

    /** The command prefix that runs a command inside the gateway's namespace (namespaced disks only). */
    List<String> enterPrefix() {
        return List.of("nsenter", "--target", Long.toString(gatewayPid.getAsLong()), "--user", "--mount",
                "--preserve-credentials");
    }

    /** Tells the disk which process's namespace holds it. */
    void seenBy(LongSupplier pid) {
        this.gatewayPid = pid;
    }

    /** Where the harness finds {@code inside} (a path under the disk's directory). */
    Path hostPath(Path inside) {
        return namespaced ? Path.of("/proc/" + gatewayPid.getAsLong() + "/root" + inside.toAbsolutePath()) : inside;
    }

    private Path ballast() {
        return hostPath(dir.resolve("ballast.bin"));
    }

    /** Writes ballast until the filesystem refuses another byte; returns the ballast's size. */
    long fill() throws IOException {
        long written = 0;
        try (FileChannel ch = FileChannel.open(ballast(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (int chunk : new int[] {1 << 20, 1 << 12, 1 << 9}) {
                ByteBuffer buf = ByteBuffer.allocate(chunk);
                while (true) {
                    buf.clear();
                    int n;
                    try {
                        n = ch.write(buf);
                    } catch (IOException full) {
                        break;
                    }
                    if (n <= 0) {
                        break;
                    }
                    written += n;
                }
            }
        }
        return written;
    }

    /** Frees the space again. */
    void release() throws IOException {
        Files.deleteIfExists(ballast());
    }

    private static int run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!namespaced) {
            run(List.of("umount", "-l", dir.toString()));
        }
    }
}
