package gridwatch.gateway.ingest.hj212;

import org.jspecify.annotations.Nullable;

/**
 * One measured value of a CP segment, e.g. {@code LA-Rtd=50.1,LA-Flag=N}.
 *
 * @param factor the factor code (因子编码), e.g. {@code LA}, {@code Leq}, {@code a34002}
 * @param field  the field suffix: {@code Rtd}, {@code Avg}, {@code Min}, {@code Max}, {@code Data}, {@code DayData}, {@code NightData}
 * @param flag   the data flag (N, F, M, S, D, C, T, B), or null when the packet gave none
 */
public record Hj212Value(String factor, String field, double value, @Nullable String flag) {
}
