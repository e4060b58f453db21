package gridwatch.drone.quality;

import java.util.List;
import java.util.Locale;

/**
 * Something about a photo an operator (and the center) must know before trusting what it says,
 * with what was seen: each variant carries its evidence and says it in English and Chinese.
 * {@link #blocksLocation()} is true when the photo gives no ground position because of it: a
 * position is never guessed.
 */
public sealed interface PhotoWarning {

    /** Stable machine code, e.g. {@code NO_ALTITUDE}. */
    String code();

    String en();

    String zh();

    /** Whether the photo's pixels get no ground position because of this. */
    default boolean blocksLocation() {
        return false;
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** No GPS latitude and longitude. */
    record NoPosition() implements PhotoWarning {
        public String code() { return "NO_POSITION"; }
        public String en() { return "no GPS latitude/longitude: no location"; }
        public String zh() { return "照片无GPS经纬度，不给出位置"; }
        public boolean blocksLocation() { return true; }
    }

    /** No height above the ground can be had: no RelativeAltitude, and no absolute altitude with a site ground elevation. */
    record NoAltitude(String seen) implements PhotoWarning {
        public String code() { return "NO_ALTITUDE"; }
        public String en() { return "no height above ground (" + seen + "): no location"; }
        public String zh() { return "照片无离地高度（" + seen + "），不给出位置"; }
        public boolean blocksLocation() { return true; }
    }

    /** No DJI XMP: no gimbal attitude, so neither where the camera looked nor which way the image is turned is known. */
    record NoDjiXmp(String detail) implements PhotoWarning {
        public String code() { return "NO_DJI_XMP"; }
        public String en() { return "no DJI XMP (drone-dji:) attitude" + (detail.isEmpty() ? "" : ": " + detail) + ": no location"; }
        public String zh() { return "照片无大疆XMP云台姿态" + (detail.isEmpty() ? "" : "（" + detail + "）") + "，不给出位置"; }
        public boolean blocksLocation() { return true; }
    }

    /** DJI XMP without the gimbal pitch or without any yaw. */
    record NoAttitude(List<String> missing) implements PhotoWarning {
        public NoAttitude {
            missing = List.copyOf(missing);
        }
        public String code() { return "NO_ATTITUDE"; }
        public String en() { return "camera attitude incomplete (missing " + String.join(", ", missing) + "): no location"; }
        public String zh() { return "相机姿态不全（缺 " + String.join("、", missing) + "），不给出位置"; }
        public boolean blocksLocation() { return true; }
    }

    /** The camera looked too near the horizon for the flat-ground model: DroneDB silently treats such photos as nadir. */
    record TooOblique(double pitchDeg, double limitDeg) implements PhotoWarning {
        public String code() { return "TOO_OBLIQUE"; }
        public String en() { return f("gimbal pitch %.1f° is flatter than %.0f°: the flat-ground model is unreliable there, no location", pitchDeg, limitDeg); }
        public String zh() { return f("云台俯仰角 %.1f° 过平（限 %.0f°），平地模型不可靠，不给出位置", pitchDeg, limitDeg); }
        public boolean blocksLocation() { return true; }
    }

    /** No focal length in pixels: no FocalLength for a camera in the table, and no FocalLengthIn35mmFormat. */
    record NoFocalLength(String camera) implements PhotoWarning {
        public String code() { return "NO_FOCAL_LENGTH"; }
        public String en() { return "no usable focal length for " + camera + " (not in the camera table, no 35 mm equivalent): no location"; }
        public String zh() { return "相机 " + camera + " 无可用焦距（不在相机表中，也无35mm等效焦距），不给出位置"; }
        public boolean blocksLocation() { return true; }
    }

    /** The camera is not in the table: the focal length came from the 35 mm equivalent, about 5 % off on 16:9 photos. */
    record CameraNotInTable(String camera) implements PhotoWarning {
        public String code() { return "CAMERA_NOT_IN_TABLE"; }
        public String en() { return "camera " + camera + " is not in the camera table: focal length from the 35 mm equivalent (about 5 % off)"; }
        public String zh() { return "相机 " + camera + " 不在相机表中，焦距按35mm等效焦距估算（误差约5%）"; }
    }

    /** An EXIF Orientation other than 1: which way the stored pixels face is not what the attitude describes. */
    record TurnedByOrientationTag(int orientation) implements PhotoWarning {
        public String code() { return "ORIENTATION_TAG"; }
        public String en() { return "EXIF Orientation is " + orientation + ", not 1: the pixels' direction is uncertain, no location"; }
        public String zh() { return "EXIF方向标记为 " + orientation + "（非1），像素朝向不确定，不给出位置"; }
        public boolean blocksLocation() { return true; }
    }

    /** Re-saved by a program after the flight: the yaw may not match the pixels (design note §5: pixels turned 180°, yaw kept). */
    record Edited(List<String> traces) implements PhotoWarning {
        public Edited {
            traces = List.copyOf(traces);
        }
        public String code() { return "EDITED"; }
        public String en() { return "re-saved after the flight (" + String.join("; ", traces) + "): the yaw may not match the pixels"; }
        public String zh() { return "照片在航拍后被软件重新保存（" + String.join("；", traces) + "），偏航角可能与像素不符"; }
    }

    /** Edited, and no neighbouring photo of the patrol could check the yaw: the uncertainty covers both directions. */
    record YawUnverified(String reason) implements PhotoWarning {
        public String code() { return "YAW_UNVERIFIED"; }
        public String en() { return "yaw not verified against neighbouring photos (" + reason + "): uncertainty widened to cover a 180° turn"; }
        public String zh() { return "偏航角未能与相邻照片核对（" + reason + "），误差半径已按可能旋转180°放大"; }
    }

    /** A neighbour registered image-to-image turned this one 180° from what the yaw predicts: located with yaw + 180°. */
    record YawTurned180(String neighbour, double measuredDeg, double predictedDeg) implements PhotoWarning {
        public String code() { return "YAW_TURNED_180"; }
        public String en() { return f("registered against %s: image rotation %.1f° where the yaws predict %.1f°: the pixels are turned 180°, located with yaw + 180°", neighbour, measuredDeg, predictedDeg); }
        public String zh() { return f("与相邻照片 %s 配准：图像旋转 %.1f°，偏航角预测 %.1f°，像素被旋转了180°，已按偏航角+180°定位", neighbour, measuredDeg, predictedDeg); }
    }

    /** Mean grey below the limit: a lens cap, or a frame taken in the dark. */
    record BlackFrame(double meanGrey, double limit) implements PhotoWarning {
        public String code() { return "BLACK_FRAME"; }
        public String en() { return f("black frame (mean grey %.1f < %.0f): lens cap on?", meanGrey, limit); }
        public String zh() { return f("黑帧（平均灰度 %.1f < %.0f），镜头盖未取下？", meanGrey, limit); }
    }

    /** Variance of the Laplacian (grey, 1000 px wide) below the limit: motion or focus blur. */
    record Blurred(double laplacianVariance, double limit) implements PhotoWarning {
        public String code() { return "BLURRED"; }
        public String en() { return f("blurred (variance of Laplacian %.0f < %.0f at 1000 px wide)", laplacianVariance, limit); }
        public String zh() { return f("画面模糊（拉普拉斯方差 %.0f < %.0f，按1000像素宽计）", laplacianVariance, limit); }
    }

    /** Too few pixels to judge sharpness (or to detect anything). */
    record LowResolution(int width, int height) implements PhotoWarning {
        public String code() { return "LOW_RESOLUTION"; }
        public String en() { return f("only %dx%d pixels: sharpness not judged", width, height); }
        public String zh() { return f("图像仅 %d×%d 像素，不判断清晰度", width, height); }
    }

    /** A tag present but unreadable (a malformed XMP packet, a number that is not one). */
    record MetadataProblem(String detail) implements PhotoWarning {
        public String code() { return "METADATA_PROBLEM"; }
        public String en() { return "metadata unreadable: " + detail; }
        public String zh() { return "元数据无法读取：" + detail; }
    }
}
