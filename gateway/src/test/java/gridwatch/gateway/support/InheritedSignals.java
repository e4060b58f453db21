package gridwatch.gateway.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test that sends real signals needs them delivered. A signal ignored when a process starts stays ignored in the
 * JVM (it installs no handler for it) and in every child: the test JVM inherits SIGINT and SIGQUIT ignored when it runs
 * in the background of a non-interactive shell ({@code scripts/test &}), and SIGHUP under {@code nohup}. The test then
 * times out with nothing in the log; this says why at once.
 */
public final class InheritedSignals {

    private static final Map<String, Integer> NUMBERS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "TERM", 15);

    private InheritedSignals() {
    }

    /** Fails the calling test, saying why, when any of {@code names} (e.g. {@code "INT"}) is ignored by this JVM. */
    public static void requireDelivered(String... names) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return; // not Linux: nothing to check
        }
        long ignored = 0;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
            }
        }
        for (String name : names) {
            int n = NUMBERS.get(name);
            assertThat((ignored >>> (n - 1)) & 1).as("SIG%s is ignored by this test JVM, inherited from how the tests were started "
                    + "(in the background of a non-interactive shell, or under nohup); run them in the foreground, or in the "
                    + "background of a shell with job control (set -m)", name).isZero();
        }
    }
}
