package gridwatch.gateway.ingest;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers as devices write them, including the words printf and json.dumps use for non-finite values. */
class NumberTextTest {

    @Test
    void decimalsWithSignFractionAndExponentAreNumbers() {
        assertThat(NumberText.parse("-12.5")).hasValue(-12.5);
        assertThat(NumberText.parse(" +4.62 ")).hasValue(4.62);
        assertThat(NumberText.parse(".5")).hasValue(0.5);
        assertThat(NumberText.parse("5.")).hasValue(5.0);
        assertThat(NumberText.parse("1.5E-3")).hasValue(0.0015);
    }

    @Test
    void nonFiniteWordsAndOverflowAreNumbersForTheTransformToJudge() {
        assertThat(NumberText.parse("NaN").getAsDouble()).isNaN();
        assertThat(NumberText.parse("-nan").getAsDouble()).as("glibc printf of a negative NaN").isNaN();
        assertThat(NumberText.parse("inf")).hasValue(Double.POSITIVE_INFINITY);
        assertThat(NumberText.parse("-Infinity")).hasValue(Double.NEGATIVE_INFINITY);
        assertThat(NumberText.parse("1e999")).hasValue(Double.POSITIVE_INFINITY);
    }

    @Test
    void javaOnlyFormsAndGarbageAreNoNumber() {
        for (String s : new String[] {"", "-", ".", "1e", "1e+", "0x1p3", "1.5d", "12abc", "1,5", "Infinit", "--1"}) {
            assertThat(NumberText.parse(s)).as("'%s'", s).isEqualTo(OptionalDouble.empty());
        }
    }
}
