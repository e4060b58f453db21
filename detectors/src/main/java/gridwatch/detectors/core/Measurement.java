package gridwatch.detectors.core;

/** A named number that explains a finding, e.g. {@code Leq = 58.2 dB(A)} or {@code limit = 50 dB(A)}. */
public record Measurement(String name, double value, String unit) {
}
