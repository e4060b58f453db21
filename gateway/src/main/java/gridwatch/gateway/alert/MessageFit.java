package gridwatch.gateway.alert;

import gridwatch.config.model.SnapshotSettings;
import gridwatch.config.model.UplinkConfig;
import gridwatch.detectors.core.DeferredEvidence;
import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.core.ImageEncoding;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps each alert's message within {@code uplink.maxMessageBytes}, the largest PUBLISH the center's broker takes (a
 * broker refuses a larger one, and the alert would end among the dead letters). The payload may use that bound less
 * {@link #PUBLISH_HEADROOM} bytes, the room kept for the topic and the MQTT properties.
 *
 * <p>An alert over it loses size where the size is, its largest evidence first: a picture made later
 * ({@link DeferredEvidence}) is rendered again at the first of a few smaller encodings (lower JPEG quality, then
 * narrower) that fits; evidence that cannot be made small enough is left out, and the alert names it in
 * {@code evidenceOmitted}. The alert is always kept: one too large even without evidence (which no alert of ours
 * is) is logged and sent as it is. Nothing here runs unless the alert is over the bound, so an ordinary alert costs
 * nothing more than its one encoding. Pipeline thread; immutable.
 */
final class MessageFit {

    private static final Logger LOG = LoggerFactory.getLogger(MessageFit.class);
    /** Room in the PUBLISH for the topic, the content type and the user properties (a few hundred bytes in practice). */
    static final int PUBLISH_HEADROOM = 1024;
    /** What pictures are drawn at when the box sets nothing: the starting point of the smaller encodings. */
    private static final int DRAWN_WIDTH = 1280;
    private static final int DRAWN_QUALITY = 80;
    private static final int MIN_WIDTH = 160;

    private final int maxPayloadBytes;
    private final ImageEncoding encoding;
    private final List<ImageEncoding> smaller;

    MessageFit(UplinkConfig uplink) {
        this.maxPayloadBytes = uplink.maxMessageBytes() - PUBLISH_HEADROOM;
        SnapshotSettings s = uplink.snapshots();
        this.encoding = s.maxWidth() == null && s.quality() == null ? ImageEncoding.AS_DRAWN
                : new ImageEncoding(s.maxWidth() == null ? Integer.MAX_VALUE : s.maxWidth(), s.quality() == null ? 100 : s.quality());
        this.smaller = ladder(s.maxWidth() == null ? DRAWN_WIDTH : s.maxWidth(), s.quality() == null ? DRAWN_QUALITY : s.quality());
    }

    /** How pictures are rendered for every alert: the box's {@code uplink.snapshots}. */
    ImageEncoding encoding() {
        return encoding;
    }

    /** Lower quality first (the picture keeps its detail), then narrower; each step smaller than the one before. */
    private static List<ImageEncoding> ladder(int width, int quality) {
        int[][] steps = {{width, 60}, {width, 45}, {width * 3 / 4, 45}, {width / 2, 45}, {width * 3 / 8, 40}, {width / 4, 35}};
        Set<ImageEncoding> out = new LinkedHashSet<>();
        for (int[] s : steps) {
            out.add(new ImageEncoding(Math.max(MIN_WIDTH, s[0]), Math.min(quality, s[1])));
        }
        return List.copyOf(out);
    }

    /**
     * @param sources for each of the alert's evidence items, the deferred evidence it was rendered from, or null
     * @param encode  the alert's wire encoding
     */
    AlertMessage fit(Alert alert, List<@Nullable DeferredEvidence> sources, Function<Alert, byte[]> encode) {
        byte[] payload = encode.apply(alert);
        if (payload.length <= maxPayloadBytes) {
            return new AlertMessage(alert, payload);
        }
        int before = payload.length;
        List<Evidence> kept = new ArrayList<>(alert.evidence());
        List<@Nullable DeferredEvidence> from = new ArrayList<>(sources);
        List<EvidenceOmission> omitted = new ArrayList<>(alert.evidenceOmitted());
        Alert current = alert;
        while (payload.length > maxPayloadBytes && !kept.isEmpty()) {
            // What each item adds to the message, measured: the encoder's own answer, escapes and all.
            int largest = -1;
            long largestBytes = -1;
            for (int i = 0; i < kept.size(); i++) {
                List<Evidence> without = new ArrayList<>(kept);
                without.remove(i);
                long bytes = payload.length - encode.apply(current.withEvidence(without, omitted)).length;
                if (bytes > largestBytes) {
                    largest = i;
                    largestBytes = bytes;
                }
            }
            Evidence e = kept.get(largest);
            DeferredEvidence source = from.get(largest);
            Evidence shrunk = source == null || !(e.data() instanceof String s) ? null
                    : smallerThan(source, s.length() - (payload.length - maxPayloadBytes));
            if (shrunk != null) {
                kept.set(largest, shrunk);
                from.set(largest, null);   // made as small as it needs to be: next time, if any, it goes
            } else {
                kept.remove(largest);
                from.remove(largest);
                omitted.add(new EvidenceOmission(e.kind(), e.mediaType(), EvidenceOmission.MESSAGE_SIZE, largestBytes));
            }
            current = current.withEvidence(kept, omitted);
            payload = encode.apply(current);
        }
        if (payload.length > maxPayloadBytes) {
            LOG.error("alert {} ({}) is {} bytes without any evidence, over the message bound of {}: sent as it is; the broker "
                    + "may refuse it", alert.alertId(), alert.type(), payload.length, maxPayloadBytes);
        } else {
            LOG.info("alert {} ({}) made to fit the message bound: {} -> {} bytes{}", alert.alertId(), alert.type(), before,
                    payload.length, omitted.isEmpty() ? ", pictures re-encoded smaller" : ", left out: " + omitted);
        }
        return new AlertMessage(current, payload);
    }

    /** The first smaller encoding whose inline data is at most {@code maxChars} long, or null when none is. */
    private @Nullable Evidence smallerThan(DeferredEvidence source, long maxChars) {
        for (ImageEncoding step : smaller) {
            Evidence e;
            try {
                e = source.render(step);
            } catch (RuntimeException failed) {
                LOG.warn("evidence could not be re-encoded at {} ({}); left out if it does not fit", step, failed.toString());
                return null;
            }
            if (e.data() instanceof String s && s.length() <= maxChars) {
                return e;
            }
        }
        return null;
    }
}
