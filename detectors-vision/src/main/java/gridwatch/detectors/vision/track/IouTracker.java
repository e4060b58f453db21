package gridwatch.detectors.vision.track;


import gridwatch.detectors.vision.Box;
import gridwatch.detectors.vision.Detection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A ByteTrack-style multi-object tracker over IoU, for analysis rates of 1–5 frames/s.
 *
 * <p>Per frame: (1) confident detections are matched to live tracks by IoU, best pairs first;
 * (2) weak detections (between {@code lowScore} and {@code highScore}) may continue a track that
 * found no confident match — this is ByteTrack's trick for keeping people who are half hidden;
 * (3) because a walking person can move more than a box width between frames at 1 frame/s, a
 * still-unmatched track may take the nearest confident detection of its class whose centre is
 * within one box diagonal; (4) leftover confident detections start tentative tracks, confirmed
 * after {@code minHits} frames; tracks unseen for {@code maxAge} are dropped. Track ids are
 * stable for the tracker's life and never reused.
 */
public final class IouTracker {

    public record Settings(float highScore, float lowScore, float matchIou, int minHits, Duration maxAge) {
        public static Settings defaults() {
            return new Settings(0.5f, 0.15f, 0.2f, 2, Duration.ofSeconds(3));
        }
    }

    private static final class Live {
        final long id;
        final int classId;
        final String label;
        float score;
        Box box;
        Box previous;
        final Instant firstSeen;
        Instant lastSeen;
        int hits = 1;
        boolean matched = true;

        Live(long id, Detection d, Instant at) {
            this.id = id;
            this.classId = d.classId();
            this.label = d.label();
            this.score = d.score();
            this.box = d.box();
            this.previous = d.box();
            this.firstSeen = at;
            this.lastSeen = at;
        }

        Track snapshot(int minHits) {
            return new Track(id, classId, label, score, box, previous, firstSeen, lastSeen, hits, hits >= minHits);
        }
    }

    private record Pair(Live track, int detection, float iou) {
    }

    private final Settings settings;
    private final List<Live> live = new ArrayList<>();
    private long nextId = 1;

    public IouTracker(Settings settings) {
        this.settings = settings;
    }

    /** Feeds one frame's detections; returns the tracks seen in this frame. */
    public List<Track> update(List<Detection> detections, Instant at) {
        for (Live t : live) {
            t.matched = false;
        }
        boolean[] used = new boolean[detections.size()];
        associate(detections, used, true, settings.matchIou());
        associate(detections, used, false, settings.matchIou());
        associateByDistance(detections, used);
        stamp(at);
        for (int i = 0; i < detections.size(); i++) {
            Detection d = detections.get(i);
            if (!used[i] && d.score() >= settings.highScore()) {
                live.add(new Live(nextId++, d, at));
            }
        }
        live.removeIf(t -> !t.matched && Duration.between(t.lastSeen, at).compareTo(settings.maxAge()) > 0);
        List<Track> seen = new ArrayList<>();
        for (Live t : live) {
            if (t.matched) {
                seen.add(t.snapshot(settings.minHits()));
            }
        }
        return seen;
    }

    private void associate(List<Detection> detections, boolean[] used, boolean confident, float minIou) {
        List<Pair> pairs = new ArrayList<>();
        for (Live t : live) {
            if (t.matched) {
                continue;
            }
            for (int i = 0; i < detections.size(); i++) {
                Detection d = detections.get(i);
                boolean high = d.score() >= settings.highScore();
                if (used[i] || d.classId() != t.classId || high != confident || d.score() < settings.lowScore()) {
                    continue;
                }
                float iou = t.box.iou(d.box());
                if (iou >= minIou) {
                    pairs.add(new Pair(t, i, iou));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed());
        for (Pair p : pairs) {
            if (!p.track().matched && !used[p.detection()]) {
                follow(p.track(), detections.get(p.detection()));
                used[p.detection()] = true;
            }
        }
    }

    private void associateByDistance(List<Detection> detections, boolean[] used) {
        for (Live t : live) {
            if (t.matched) {
                continue;
            }
            float reach = (float) Math.hypot(t.box.width(), t.box.height());
            int best = -1;
            float bestDist = Float.MAX_VALUE;
            for (int i = 0; i < detections.size(); i++) {
                Detection d = detections.get(i);
                if (used[i] || d.classId() != t.classId || d.score() < settings.highScore()) {
                    continue;
                }
                float dist = (float) Math.hypot(d.box().centerX() - t.box.centerX(), d.box().centerY() - t.box.centerY());
                if (dist < reach && dist < bestDist) {
                    bestDist = dist;
                    best = i;
                }
            }
            if (best >= 0) {
                follow(t, detections.get(best));
                used[best] = true;
            }
        }
    }

    private static void follow(Live t, Detection d) {
        t.previous = t.box;
        t.box = d.box();
        t.score = d.score();
        t.hits++;
        t.matched = true;
    }

    /** Stamps matched tracks with the frame time (kept apart so matching stays free of time). */
    private void stamp(Instant at) {
        for (Live t : live) {
            if (t.matched) {
                t.lastSeen = at;
            }
        }
    }

    public int liveTracks() {
        return live.size();
    }
}
