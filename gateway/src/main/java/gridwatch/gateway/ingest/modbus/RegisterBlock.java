package gridwatch.gateway.ingest.modbus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Registers read in one request: contiguous (or nearly: gaps up to {@link #MAX_GAP} are read
 * and ignored) points of one table, at most 125 registers, the Modbus limit per read.
 */
public record RegisterBlock(String table, int start, int count, List<RegisterPoint> points) {

    static final int MAX_REGISTERS = 125;
    static final int MAX_GAP = 8;

    /** Groups a device's points into as few requests as the limits allow. */
    public static List<RegisterBlock> plan(List<RegisterPoint> points) {
        Map<String, List<RegisterPoint>> byTable = points.stream()
                .collect(Collectors.groupingBy(RegisterPoint::table, TreeMap::new, Collectors.toList()));
        List<RegisterBlock> blocks = new ArrayList<>();
        for (var e : byTable.entrySet()) {
            List<RegisterPoint> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Comparator.comparingInt(RegisterPoint::address));
            List<RegisterPoint> current = new ArrayList<>();
            int start = -1;
            int end = -1;
            for (RegisterPoint p : sorted) {
                int pEnd = p.address() + p.width();
                if (start >= 0 && (p.address() - end > MAX_GAP || pEnd - start > MAX_REGISTERS)) {
                    blocks.add(new RegisterBlock(e.getKey(), start, end - start, List.copyOf(current)));
                    current.clear();
                    start = -1;
                }
                if (start < 0) {
                    start = p.address();
                    end = pEnd;
                }
                end = Math.max(end, pEnd);
                current.add(p);
            }
            if (start >= 0) {
                blocks.add(new RegisterBlock(e.getKey(), start, end - start, List.copyOf(current)));
            }
        }
        return blocks;
    }
}
