package gridwatch.profiles;

/**
 * What {@link ValueTransformer#transform} made of a raw value: an engineering value, or the
 * reason there is none a rule could use.
 */
public sealed interface TransformResult permits TransformResult.Usable, TransformResult.Unusable {

    /** A finite engineering value the profile's type can hold (its plausible range is checked apart). */
    record Usable(double value) implements TransformResult {
    }

    /**
     * A raw value that is not a usable number. It is still worth keeping, as a bad-quality
     * reading: {@code value} is what that reading carries (NaN, an infinity, or the value that
     * does not fit the profile's type).
     *
     * @param detail one line for the log, e.g. {@code 4.294967295E9 does not fit Int32}
     */
    record Unusable(double value, Reason reason, String detail) implements TransformResult {
    }

    /** Why a value is unusable; {@link #label()} is the metric label. */
    enum Reason {
        /** The device sent NaN (a float register's "no value", or a NaN in text). */
        NAN("nan"),
        /**
         * The device sent an infinity, or text too large for a double such as {@code 1e999},
         * which every number parser turns into one.
         */
        INFINITE("infinite"),
        /** A finite raw value the profile's transform cannot take: past the 64 bits mask and shift work on, or scaled past a double. */
        OVERFLOW("overflow"),
        /** The engineering value does not fit the profile's {@code valueType} (Int32, Int64, Float32, Bool). */
        OUT_OF_TYPE("out_of_type");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
