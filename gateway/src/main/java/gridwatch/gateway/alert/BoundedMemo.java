package gridwatch.gateway.alert;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values made once per key and remembered, for keys that are few in practice (alert types, config text, incidents,
 * topics) but are not bounded by the code: past {@code max} entries it forgets everything and starts again rather
 * than grow, which costs only making values anew. Any thread; {@code make} may run twice for one key under a race, so
 * it must be cheap to repeat and its values equal.
 */
public final class BoundedMemo<K, V> {

    private final int max;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    public BoundedMemo(int max) {
        this.max = max;
    }

    /** The value for {@code key}, made by {@code make} (on the calling thread, must not block) when not remembered. */
    public V get(K key, Function<? super K, ? extends V> make) {
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
