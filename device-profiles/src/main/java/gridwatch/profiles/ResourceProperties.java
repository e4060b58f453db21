package gridwatch.profiles;

/** Value type, the raw-to-engineering transform (applied by {@link ValueTransformer}) and what a plausible signal looks like. */
public record ResourceProperties(
        String valueType,
        String readWrite,
        String units,
        Long mask,
        Integer shift,
        Double scale,
        Double offset,
        Double minimum,
        Double maximum,
        Double maxStep,
        Integer flatlineReadings) {
}
