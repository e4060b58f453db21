package gridwatch.gateway.ingest.drone;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Decides on an upload from its request head alone, before any of its body is held: route, device, bearer token,
 * patrol, declared length, and room (uploads in flight, photos waiting for analysis). An admitted upload holds one of
 * {@code maxConcurrentUploads} slots until {@link #release}. Thread-safe; called on the event loop, never blocks.
 */
final class UploadAdmission {

    static final String PATH = "/drone/v1/photos";
    private static final Pattern PATROL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:()-]{0,127}");
    private static final int RETRY_AFTER_SECONDS = 5;

    /** What the head says: admitted (holding a slot), or turned away with an answer. */
    sealed interface Verdict permits Admitted, Turned {
    }

    record Admitted(DroneStation station, String patrolId, String name, int length) implements Verdict {
    }

    record Turned(UploadReply.Answer answer) implements Verdict {
    }

    private final Map<String, DroneStation> stations;
    private final Map<String, byte[]> tokenHashes;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int maxConcurrent;
    private final LongSupplier pending;
    private final long maxPending;

    /** @param tokenHashes SHA-256 of each uploading drone's token, by device id */
    UploadAdmission(Map<String, DroneStation> stations, Map<String, byte[]> tokenHashes, int maxConcurrent, LongSupplier pending, long maxPending) {
        this.stations = Map.copyOf(stations);
        this.tokenHashes = Map.copyOf(tokenHashes);
        this.maxConcurrent = maxConcurrent;
        this.pending = pending;
        this.maxPending = maxPending;
    }

    Verdict admit(HttpRequest req) {
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        if (!PATH.equals(q.path())) {
            return turn(HttpResponseStatus.NOT_FOUND, "not_found", "photos are posted to " + PATH + "?device=ID&patrol=PATROL");
        }
        if (!HttpMethod.POST.equals(req.method())) {
            return turn(HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "POST a JPEG to " + PATH);
        }
        String device = param(q, "device");
        if (device.isEmpty()) {
            return turn(HttpResponseStatus.BAD_REQUEST, "bad_request", "the device parameter is missing (?device=ID&patrol=PATROL)");
        }
        DroneStation station = stations.get(device);
        byte[] expected = tokenHashes.get(device);
        if (station == null || expected == null) {
            return turn(HttpResponseStatus.NOT_FOUND, "unknown_device", "no drone '" + device + "' takes uploads on this gateway");
        }
        if (!tokenMatches(req.headers().get(HttpHeaderNames.AUTHORIZATION), expected)) {
            return turn(HttpResponseStatus.UNAUTHORIZED, "unauthorized", "missing or wrong bearer token for drone '" + device + "'");
        }
        String patrol = param(q, "patrol");
        if (!PATROL.matcher(patrol).matches()) {
            return turn(HttpResponseStatus.BAD_REQUEST, "bad_request", patrol.isEmpty() ? "the patrol parameter is missing"
                    : "patrol id '" + patrol + "' is not allowed (letters, digits, space and _ . : ( ) -, up to 128, starting with a letter or digit)");
        }
        if (!HttpUtil.isContentLengthSet(req)) {
            return turn(HttpResponseStatus.LENGTH_REQUIRED, "length_required", "send the photo with a Content-Length (not chunked)");
        }
        long length = HttpUtil.getContentLength(req, -1L);
        long maxBytes = station.connection().maxBytes();
        if (length < 0 || length > maxBytes || length > Integer.MAX_VALUE - 16) {
            return turn(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, RefusalReason.TOO_LARGE.code(),
                    "the photo has " + length + " bytes, more than the " + maxBytes + " allowed (maxBytes)");
        }
        long waiting = pending.getAsLong();
        if (waiting >= maxPending) {
            return new Turned(UploadReply.Answer.refusal(HttpResponseStatus.SERVICE_UNAVAILABLE, "busy", waiting
                    + " photos wait for analysis (maxPendingPhotos " + maxPending + "); try again later").retryAfter(RETRY_AFTER_SECONDS * 12));
        }
        if (inFlight.incrementAndGet() > maxConcurrent) {
            inFlight.decrementAndGet();
            return new Turned(UploadReply.Answer.refusal(HttpResponseStatus.SERVICE_UNAVAILABLE, "busy",
                    maxConcurrent + " uploads are being received (maxConcurrentUploads); try again shortly").retryAfter(RETRY_AFTER_SECONDS));
        }
        return new Admitted(station, patrol, name(q), (int) length);
    }

    /** Gives back the slot of an admitted upload, once it is answered or its connection is gone. */
    void release() {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Compares digests, so the time taken tells nothing of the token (nor of its length). */
    private static boolean tokenMatches(@Nullable String authorization, byte[] expected) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(UploadServer.sha256(presented), expected);
    }

    /** The file name the client gave, reduced to a base name of printable characters; "upload" when none. */
    private static String name(QueryStringDecoder q) {
        String n = param(q, "name");
        int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(cut + 1).replaceAll("\\p{Cntrl}", "");
        return n.isEmpty() ? "upload" : n.substring(0, Math.min(200, n.length()));
    }

    private static String param(QueryStringDecoder q, String name) {
        List<String> v = q.parameters().get(name);
        return v == null || v.isEmpty() ? "" : v.getFirst().strip();
    }

    private static Turned turn(HttpResponseStatus status, String code, String reason) {
        return new Turned(UploadReply.Answer.refusal(status, code, reason));
    }
}
