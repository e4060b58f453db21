package gridwatch.gateway.support;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * Registered for every test class (junit-platform.properties turns on auto-detection, and
 * META-INF/services names this class): after a class, it collects garbage, makes Netty look for
 * leaked buffers (Netty reports a leak when it next tracks an allocation), and fails the class
 * when any {@code LEAK:} was reported. So a ByteBuf leak fails the build instead of scrolling by
 * in the log.
 */
public final class LeakCheckExtension implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(50);
            for (int i = 0; i < 64; i++) {
                ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(16);
                pooled.release();
                ByteBuf unpooled = UnpooledByteBufAllocator.DEFAULT.heapBuffer(16);
                unpooled.release();
            }
        }
        List<String> leaks = LeakLedger.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty buffer leak(s) reported while "
                    + context.getDisplayName() + " (or a class just before it) ran:\n" + String.join("\n", leaks));
        }
    }
}
