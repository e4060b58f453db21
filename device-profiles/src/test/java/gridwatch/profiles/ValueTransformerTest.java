package gridwatch.profiles;

import gridwatch.profiles.TransformResult.Reason;
import gridwatch.profiles.TransformResult.Unusable;
import gridwatch.profiles.TransformResult.Usable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What is and is not a usable number, decided once for every protocol. */
class ValueTransformerTest {

    private static ResourceProperties type(String valueType) {
        return new ResourceProperties(valueType, "R", "m", null, null, null, null, null, null, null, null);
    }

    private static ResourceProperties scaled(double scale) {
        return new ResourceProperties("Float64", "R", "m", null, null, scale, null, null, null, null, null);
    }

    private static Reason reason(TransformResult r) {
        assertThat(r).isInstanceOf(Unusable.class);
        return ((Unusable) r).reason();
    }

    @Test
    void nanAndInfinitiesAreUnusableAndKeptAsTheyCame() {
        assertThat(ValueTransformer.transform(type("Float64"), Double.NaN))
                .isEqualTo(new Unusable(Double.NaN, Reason.NAN, "NaN"));
        assertThat(ValueTransformer.transform(type("Float64"), Double.NEGATIVE_INFINITY))
                .isEqualTo(new Unusable(Double.NEGATIVE_INFINITY, Reason.INFINITE, "-Infinity"));
        assertThat(reason(ValueTransformer.transform(type("Float64"), Double.parseDouble("1e999")))).isEqualTo(Reason.INFINITE);
    }

    @Test
    void aNaNWithAMaskIsNotTurnedIntoZero() {
        ResourceProperties masked = new ResourceProperties("Int32", "R", null, 0xFFL, null, null, null, null, null, null, null);
        assertThat(reason(ValueTransformer.transform(masked, Double.NaN))).isEqualTo(Reason.NAN);
    }

    @Test
    void aTransformThatLeavesTheDoublesOverflows() {
        assertThat(reason(ValueTransformer.transform(scaled(10), 1e308))).isEqualTo(Reason.OVERFLOW);
        ResourceProperties masked = new ResourceProperties("Float64", "R", null, 0xFFFFL, null, null, null, null, null, null, null);
        assertThat(reason(ValueTransformer.transform(masked, 1e19))).as("past 64 bits").isEqualTo(Reason.OVERFLOW);
    }

    @Test
    void valuesTheProfilesTypeCannotHoldAreOutOfType() {
        assertThat(reason(ValueTransformer.transform(type("Int32"), 4294967295.0))).isEqualTo(Reason.OUT_OF_TYPE);
        assertThat(ValueTransformer.transform(type("Int32"), Integer.MAX_VALUE)).isEqualTo(new Usable(Integer.MAX_VALUE));
        assertThat(reason(ValueTransformer.transform(type("Int64"), 0x1p63))).isEqualTo(Reason.OUT_OF_TYPE);
        assertThat(reason(ValueTransformer.transform(type("Float32"), 1e39))).isEqualTo(Reason.OUT_OF_TYPE);
        assertThat(ValueTransformer.transform(type("Float32"), 3.4e38)).isEqualTo(new Usable(3.4e38));
        assertThat(reason(ValueTransformer.transform(type("Bool"), 2))).isEqualTo(Reason.OUT_OF_TYPE);
        assertThat(ValueTransformer.transform(type("Bool"), 1)).isEqualTo(new Usable(1));
        assertThat(ValueTransformer.transform(type("Float64"), -1e300)).isEqualTo(new Usable(-1e300));
    }

    @Test
    void theTypeIsCheckedAfterTheTransform() {
        ResourceProperties tenths = new ResourceProperties("Int32", "R", null, null, null, 0.1, null, null, null, null, null);
        assertThat(ValueTransformer.transform(tenths, 4294967295.0)).as("429496729.5 fits an Int32")
                .isEqualTo(new Usable(4294967295.0 * 0.1));
    }
}
