package gridwatch.detectors.core;

/** Chinese four-colour warning levels (蓝/黄/橙/红), lowest first so that ordinal order is severity order. */
public enum Severity {
    BLUE("蓝色"),
    YELLOW("黄色"),
    ORANGE("橙色"),
    RED("红色");

    private final String nameZh;
    /** Made once: every alert and every PUBLISH carries it. */
    private final String wireName;

    Severity(String nameZh) {
        this.nameZh = nameZh;
        this.wireName = name().toLowerCase(java.util.Locale.ROOT);
    }

    public String nameZh() {
        return nameZh;
    }

    public String wireName() {
        return wireName;
    }

    public static Severity fromWire(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
