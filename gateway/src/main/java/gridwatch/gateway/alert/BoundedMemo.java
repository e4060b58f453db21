package gridwatch.gateway.alert;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A function's values, made once per key and remembered, for keys that are few in practice (alert types, config text,
 * incidents, topics) but are not bounded by the code: past {@code max} entries it forgets everything and starts again
 * rather than grow, which costs only making values anew. The function is given once, here, so a lookup on a hot path
 * makes no lambda. Any thread; {@code make} may run twice for one key under a race, so it must be cheap to repeat and
 * its values equal.
 */
public final class BoundedMemo<K, V> {

    private final int max;
    private final Function<? super K, ? extends V> make;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    /** @param make runs on the thread calling {@link #get}, must not block */
    public BoundedMemo(int max, Function<? super K, ? extends V> make) {
        this.max = max;
        this.make = make;
    }

    /** The value for {@code key}, made when not remembered. */
    public V get(K key) {
        V v = values.get(key);
        if (v == null) {
            if (values.size() >= max) {
                values.clear();
            }
            v = make.apply(key);
            values.put(key, v);
        }
        return v;
    }
}
