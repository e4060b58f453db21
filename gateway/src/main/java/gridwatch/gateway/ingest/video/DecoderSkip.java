package gridwatch.gateway.ingest.video;

import org.jspecify.annotations.Nullable;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;

/**
 * Switches a grabber's decoder between decoding every frame and keyframes only, mid-stream
 * ({@code AVCodecContext.skip_frame}). JavaCV's own keyframe flag cannot do this: it filters
 * packets before the decoder and loses the GOP that follows when switched back, and JavaCV does
 * not expose the codec context, so this reaches its field. If a JavaCV version renames it, the
 * gateway decodes every frame and says so once.
 */
final class DecoderSkip {

    private static final Logger LOG = LoggerFactory.getLogger(DecoderSkip.class);
    /** Null when this JavaCV version has no such field: then nothing is skipped. */
    private static final @Nullable Field VIDEO_CONTEXT = find();

    private DecoderSkip() {
    }

    private static @Nullable Field find() {
        try {
            Field f = FFmpegFrameGrabber.class.getDeclaredField("video_c");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot reach the video decoder of this JavaCV version ({}); GOP tails will be decoded", e.toString());
            return null;
        }
    }

    static boolean available() {
        return VIDEO_CONTEXT != null;
    }

    /**
     * Whether the stream reorders frames (B-frames): its decoder outputs a keyframe only after
     * the frames that follow it arrive, so those would be discarded while skipping and the whole
     * next GOP lost. Skipping is only safe on IP-only streams, which most surveillance cameras send.
     */
    static boolean reordersFrames(FFmpegFrameGrabber g) {
        if (VIDEO_CONTEXT == null) {
            return true;
        }
        try {
            AVCodecContext c = (AVCodecContext) VIDEO_CONTEXT.get(g);
            return c == null || c.has_b_frames() > 0;
        } catch (IllegalAccessException e) {
            return true;
        }
    }

    /**
     * Frames nothing refers to (most B-frames) are not decoded at all. For analysis at a few
     * frames per second this loses nothing: the frame taken is the next decoded one, 40–80 ms later.
     */
    static boolean skipNonReference(FFmpegFrameGrabber g) {
        if (VIDEO_CONTEXT == null) {
            return false;
        }
        try {
            AVCodecContext c = (AVCodecContext) VIDEO_CONTEXT.get(g);
            if (c == null) {
                return false;
            }
            c.skip_frame(avcodec.AVDISCARD_NONREF);
            // And no deblocking: its blockiness (16 px blocks at 1080p) is 3-4 px at the model's
            // 416 px, below what a detector notices, and it saves about a fifth of the decoding.
            c.skip_loop_filter(avcodec.AVDISCARD_ALL);
            return true;
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    /** @return whether the decoder now does as asked */
    static boolean keyframesOnly(FFmpegFrameGrabber g, boolean on) {
        if (VIDEO_CONTEXT == null) {
            return false;
        }
        try {
            AVCodecContext c = (AVCodecContext) VIDEO_CONTEXT.get(g);
            if (c == null) {
                return false;
            }
            c.skip_frame(on ? avcodec.AVDISCARD_NONKEY : avcodec.AVDISCARD_DEFAULT);
            return true;
        } catch (IllegalAccessException e) {
            return false;
        }
    }
}
