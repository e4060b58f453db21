package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

/** One entry of the center's case dictionary: the code and Chinese name an alert type files under. */
public record CategoryConfig(String code, String nameZh, String caseType, @Nullable String scheme) {

    public CategoryConfig(String code, String nameZh, @Nullable String caseType, @Nullable String scheme) {
        this.code = code;
        this.nameZh = nameZh;
        this.caseType = caseType == null ? "event" : caseType;
        this.scheme = scheme;
    }
}
