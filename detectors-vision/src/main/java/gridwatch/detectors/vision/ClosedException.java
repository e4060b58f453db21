package gridwatch.detectors.vision;

/**
 * A call on something already closed: a model or a camera's analysis chain whose native memory
 * is freed or about to be. Expected at shutdown, when a camera's last frame meets the closing
 * model; the message names what was closed.
 */
public final class ClosedException extends IllegalStateException {

    public ClosedException(String what) {
        super(what + " is closed");
    }
}
