package gridwatch.detectors.vision;

/** An axis-aligned box in image pixels, corners (x1, y1) top-left and (x2, y2) bottom-right. */
public record Box(float x1, float y1, float x2, float y2) {

    public float width() {
        return Math.max(0, x2 - x1);
    }

    public float height() {
        return Math.max(0, y2 - y1);
    }

    public float area() {
        return width() * height();
    }

    public float centerX() {
        return (x1 + x2) / 2;
    }

    public float centerY() {
        return (y1 + y2) / 2;
    }

    /** Where a person or a vehicle stands: the middle of the bottom edge. Zones test this point. */
    public float footX() {
        return centerX();
    }

    public float footY() {
        return y2;
    }

    public float iou(Box o) {
        float ix = Math.min(x2, o.x2) - Math.max(x1, o.x1);
        float iy = Math.min(y2, o.y2) - Math.max(y1, o.y1);
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        float inter = ix * iy;
        return inter / (area() + o.area() - inter);
    }

    public Box clip(int width, int height) {
        return new Box(Math.clamp(x1, 0, width), Math.clamp(y1, 0, height), Math.clamp(x2, 0, width), Math.clamp(y2, 0, height));
    }
}
