package gridwatch.gateway.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The outbox journal of a gateway that runs in its own mount namespace (the non-root disk-full
 * set-up of {@link SmallDisk}): a {@link JournalServer} is started inside that namespace with
 * {@code nsenter} and answers the queries over loopback TCP. Owns that process.
 */
final class RemoteJournal implements Journal, AutoCloseable {

    private final Process server;
    private final int port;

    private RemoteJournal(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    static RemoteJournal start(List<String> enterNamespace, Path db, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(enterNamespace);
        cmd.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED", "-Xmx64m",
                "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), JournalServer.class.getName(), db.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null || !first.startsWith("PORT ")) {
            p.destroyForcibly();
            throw new IllegalStateException("journal server did not start (" + first + "); see " + log);
        }
        return new RemoteJournal(p, Integer.parseInt(first.substring(5).strip()));
    }

    private List<String> ask(String query) throws SQLException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
             PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            out.println(query);
            List<String> lines = new ArrayList<>();
            for (String l = in.readLine(); l != null && !l.equals("."); l = in.readLine()) {
                if (l.startsWith("ERR ")) {
                    throw new SQLException("journal server: " + l.substring(4));
                }
                lines.add(l);
            }
            return lines;
        } catch (IOException e) {
            throw new SQLException("journal server unreachable: " + e.getMessage(), e);
        }
    }

    @Override
    public void install() throws SQLException {
        ask("install");
    }

    @Override
    public List<String> produced() throws SQLException {
        return ask("produced");
    }

    @Override
    public long producedCount() throws SQLException {
        return Long.parseLong(ask("producedCount").getFirst());
    }

    @Override
    public Map<String, Long> removedAt() throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (String line : ask("removedAt")) {
            int space = line.indexOf(' ');
            out.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
        }
        return out;
    }

    @Override
    public Set<String> pending() throws SQLException {
        return new HashSet<>(ask("pending"));
    }

    @Override
    public Set<String> deadLettered() throws SQLException {
        return new HashSet<>(ask("deadLettered"));
    }

    @Override
    public long rowsLeft() throws SQLException {
        return Long.parseLong(ask("rowsLeft").getFirst());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.getOutputStream().close();
        if (!server.waitFor(5, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }
}
