package gridwatch.gateway.chaos;

import gridwatch.gateway.ingest.hj212.Hj212Responses;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the HJ 212 noise stations of a {@link ChaosBox}: one thread sends real-time packets
 * (CN 2011, Flag 4, so no answer is asked for) at a steady total rate, round robin over the
 * stations, each on its own TCP connection. A station's Leq alternates 75 and 60 dB(A), so with
 * the box's rule every packet the gateway takes in is one alert. Each station's DataTime moves
 * one second per packet from two days ago, so every reading has its own time (InfluxDB keeps
 * them all) and no rule sees time go backwards. A station whose connection fails (the gateway is
 * down) drops the packet, counts it as not sent and reconnects on its next turn.
 */
final class StationFeeder implements AutoCloseable {

    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final ZoneId SITE = ZoneId.of("Asia/Shanghai");

    private final int port;
    private final List<Station> stations = new ArrayList<>();
    private final long periodNanos;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    StationFeeder(int port, List<String> mns, int perSecond) {
        this.port = port;
        LocalDateTime start = LocalDateTime.now(SITE).minusDays(2).withNano(0);
        for (String mn : mns) {
            stations.add(new Station(mn, start));
        }
        this.periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.thread = Thread.ofPlatform().name("hj212-stations").daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Packets written to a station's connection. */
    long sent() {
        return sent.get();
    }

    /** Packets dropped because the station could not reach the gateway. */
    long failed() {
        return failed.get();
    }

    /** Stops sending; returns once the last packet is written. */
    void stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }

    /**
     * Runs on the feeder thread. Keeps to the schedule: when the box was too busy to send on
     * time, it catches up (at most a second's worth at once), so the rate holds on average.
     */
    private void run() {
        long next = System.nanoTime();
        int turn = 0;
        while (running) {
            long now = System.nanoTime();
            if (now < next) {
                sleepNanos(next - now);
                continue;
            }
            next = Math.max(next + periodNanos, now - TimeUnit.SECONDS.toNanos(1));
            Station s = stations.get(turn++ % stations.size());
            if (s.send()) {
                sent.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        }
        stations.forEach(Station::disconnect);
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** One station; used by the feeder thread only. */
    private final class Station {
        private final String mn;
        private LocalDateTime dataTime;
        private boolean loud = true;
        private Socket socket;
        private OutputStream out;
        private long retryAt;

        Station(String mn, LocalDateTime start) {
            this.mn = mn;
            this.dataTime = start;
        }

        boolean send() {
            if (socket == null && !connect()) {
                return false;
            }
            LocalDateTime now = LocalDateTime.now(SITE);
            byte[] packet = Hj212Responses.frame("QN=" + QN.format(now) + ";ST=23;CN=2011;PW=" + ChaosBox.PASSWORD + ";MN=" + mn
                    + ";Flag=4;CP=&&DataTime=" + DATA_TIME.format(dataTime) + ";Leq-Rtd=" + (loud ? "75.0" : "60.0")
                    + ",Leq-Flag=N&&");
            try {
                out.write(packet);
                out.flush();
            } catch (IOException e) {
                disconnect();
                return false;
            }
            dataTime = dataTime.plusSeconds(1);
            loud = !loud;
            return true;
        }

        private boolean connect() {
            if (System.nanoTime() < retryAt) {
                return false;
            }
            try {
                Socket s = new Socket();
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                socket = s;
                out = s.getOutputStream();
                return true;
            } catch (IOException refused) {
                retryAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                return false;
            }
        }

        void disconnect() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a dead connection
                }
            }
            socket = null;
            out = null;
        }
    }
}
