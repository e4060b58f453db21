package gridwatch.config.model;

/** One entry of the center's case dictionary: the code and Chinese name an alert type files under. */
public record CategoryConfig(String code, String nameZh, String caseType, String scheme) {

    public CategoryConfig {
        caseType = caseType == null ? "event" : caseType;
    }
}
