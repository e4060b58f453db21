package gridwatch.gateway.alert;

import org.jspecify.annotations.Nullable;

/** The case category an alert files under, from the center's own dictionary (config). */
public record Category(String code, String nameZh, String caseType, @Nullable String scheme) {
}
