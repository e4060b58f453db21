package gridwatch.profiles;

/** Value type and the raw-to-engineering transform, applied by {@link ValueTransformer}. */
public record ResourceProperties(
        String valueType,
        String readWrite,
        String units,
        Long mask,
        Integer shift,
        Double scale,
        Double offset,
        Double minimum,
        Double maximum) {
}
