package gridwatch.gateway.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Serves an {@link OutboxJournal} on a loopback port, from inside the gateway's mount namespace
 * (started there by {@link RemoteJournal} through {@code nsenter}). Prints {@code PORT <n>} once
 * listening. Protocol, one connection at a time: a query name per line ({@code produced},
 * {@code rowsLeft}, ...), answered by result lines and a line holding a single dot; a failure is
 * {@code ERR <message>} and the dot. Runs until its stdin closes (the harness went away).
 */
public final class JournalServer {

    private JournalServer() {
    }

    public static void main(String[] args) throws IOException {
        OutboxJournal journal = new OutboxJournal(Path.of(args[0]));
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // wait for the parent to close our stdin
                }
            } catch (IOException ignored) {
                // parent gone
            }
            System.exit(0);
        });
        System.out.println("PORT " + server.getLocalPort());
        System.out.flush();
        while (true) {
            try (Socket s = server.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(s.getOutputStream(), false, StandardCharsets.UTF_8)) {
                String query;
                while ((query = in.readLine()) != null) {
                    try {
                        answer(journal, query.strip()).forEach(out::println);
                    } catch (Exception e) {
                        out.println("ERR " + e);
                    }
                    out.println(".");
                    out.flush();
                }
            }
        }
    }

    private static Collection<?> answer(OutboxJournal j, String query) throws Exception {
        return switch (query) {
            case "install" -> {
                j.install();
                yield List.of();
            }
            case "produced" -> j.produced();
            case "producedCount" -> List.of(j.producedCount());
            case "removedAt" -> j.removedAt().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
            case "pending" -> j.pending();
            case "deadLettered" -> j.deadLettered();
            case "rowsLeft" -> List.of(j.rowsLeft());
            default -> throw new IllegalArgumentException("unknown query " + query);
        };
    }
}
