package gridwatch.detectors.core;

/** Whether a value may feed the rules. Bad values are stored for the record but never alerted on. */
public enum Quality {
    GOOD,
    UNCERTAIN,
    BAD
}
