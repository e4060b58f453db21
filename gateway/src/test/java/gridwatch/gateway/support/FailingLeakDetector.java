package gridwatch.gateway.support;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's leak detector, made to fail the build: every {@code LEAK:} report is also written to the
 * {@link LeakLedger}, which {@link LeakCheckExtension} checks after each test class. Netty
 * instantiates it reflectively for every resource type when surefire passes
 * {@code -Dio.netty.customResourceLeakDetector=gridwatch.gateway.support.FailingLeakDetector}
 * (with {@code -Dio.netty.leakDetection.level=paranoid}, every buffer is tracked).
 */
public final class FailingLeakDetector<T> extends ResourceLeakDetector<T> {

    public FailingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
    }

    public FailingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        this(resourceType, samplingInterval);
    }

    /** Report even when logging is configured quietly: the ledger must hear of every leak. */
    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        LeakLedger.record("LEAK: " + resourceType + ".release() was not called before it was garbage-collected." + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        LeakLedger.record("LEAK: " + resourceType + ".release() was not called before it was garbage-collected.");
        super.reportUntracedLeak(resourceType);
    }
}
