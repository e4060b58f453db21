package gridwatch.gateway.ingest.drone;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Where admitted upload photos go (the intake thread, {@code drone-upload-intake}: JPEG check, store, ledger,
 * answer), and where refused uploads are counted and logged. Thread-safe.
 */
final class UploadIntake {

    private static final Logger LOG = LoggerFactory.getLogger(UploadIntake.class);

    private final ThreadPoolExecutor executor;
    private final PhotoIntake photos;
    private final LongSupplier pending;
    private final DroneMetrics metrics;
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

    /** @param executor the one intake thread, owned (shut down) by the {@link UploadServer} */
    UploadIntake(ThreadPoolExecutor executor, PhotoIntake photos, LongSupplier pending, DroneMetrics metrics) {
        this.executor = executor;
        this.photos = photos;
        this.pending = pending;
        this.metrics = metrics;
    }

    /**
     * On the event loop; never blocks. Runs the intake on the intake thread and hands the answer to {@code reply}
     * there. The slot limit keeps the queue within its bound; when it is closed, the answer is 503 at once.
     */
    void submit(UploadAdmission.Admitted a, byte[] body, Consumer<UploadReply.Answer> reply) {
        try {
            executor.execute(() -> reply.accept(take(a, body)));
        } catch (RejectedExecutionException e) {
            reply.accept(UploadReply.Answer.refusal(HttpResponseStatus.SERVICE_UNAVAILABLE, "busy", "the gateway is stopping").closing());
        }
    }

    /** A request turned away on its head: counted, and logged at most once a minute per reason and peer. Any thread. */
    void refused(UploadReply.Answer answer, String peer) {
        metrics.photoRefused(PhotoSource.UPLOAD.label(), answer.code());
        String key = answer.code() + "|" + peer;
        long now = System.currentTimeMillis();
        Long last = lastLogged.get(key);
        if (last == null || now - last > 60_000) {
            if (lastLogged.size() > 10_000) {
                lastLogged.clear();
            }
            lastLogged.put(key, now);
            LOG.warn("drone upload from {} refused ({} {}): {}", peer, answer.status().code(), answer.code(), answer.body().get("reason"));
        }
    }

    /** On the intake thread; blocks on disk I/O. */
    private UploadReply.Answer take(UploadAdmission.Admitted a, byte[] body) {
        try {
            PhotoIntake.Outcome out = photos.take(new PhotoIntake.Arrival(a.station(), a.patrolId(), a.name(), PhotoSource.UPLOAD, null, null), body);
            return switch (out) {
                case PhotoIntake.Accepted acc -> {
                    LOG.info("drone {}: {} {} (patrol {}, sha256 {})", a.station().deviceId(), acc.duplicate() ? "already had" : "took upload",
                            a.name(), a.patrolId(), acc.photo().sha256());
                    yield UploadReply.accepted(acc, pending.getAsLong());
                }
                case Refusal r -> {
                    UploadReply.Answer answer = UploadReply.refused(r);
                    refused(answer, a.station().deviceId());
                    yield answer;
                }
            };
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.error("drone {}: could not store upload {} ({} bytes): {}", a.station().deviceId(), a.name(), body.length, e.toString(), e);
            metrics.photoRefused(PhotoSource.UPLOAD.label(), "storage_failed");
            return UploadReply.Answer.refusal(HttpResponseStatus.INTERNAL_SERVER_ERROR, "storage_failed",
                    "the gateway could not store the photo (" + e.getMessage() + "); nothing was kept, send it again");
        }
    }
}
