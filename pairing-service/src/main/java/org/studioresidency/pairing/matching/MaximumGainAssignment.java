package org.studioresidency.pairing.matching;

import java.util.Arrays;

/**
 * An exact maximum-gain assignment of residency schools to studio seats: each residency school takes at most one of its
 * options, each studio at most its capacity, and the total gain of the placements is the largest possible. It is the
 * min-cost flow source, residency schools, studios, sink, with a free "unplaced" arc per residency school, solved by
 * successive shortest paths: one Dijkstra search per residency school over the residual graph, with node potentials
 * that keep every reduced cost non-negative (so each search is exact), stopping as soon as the sink is settled.
 * Everything lives in int and long arrays sized by the number of options, so the solve allocates no object per arc.
 */
final class MaximumGainAssignment {

    private static final long UNREACHED = Long.MAX_VALUE;

    private MaximumGainAssignment() {
    }

    /**
     * @param options per residency school, the studio indexes it may take
     * @param gains   per residency school, the gain of each option (same order), never negative
     * @param capacity per studio, its seats
     * @return per residency school, the index into its options it takes, or -1 for unplaced
     */
    static int[] solve(int[][] options, long[][] gains, int[] capacity) {
        int residencies = options.length;
        int studios = capacity.length;
        long top = 0;
        for (long[] row : gains) {
            for (long gain : row) {
                if (gain < 0) {
                    throw new IllegalArgumentException("gains must not be negative");
                }
                top = Math.max(top, gain);
            }
        }
        // Costs top - gain on options and top on "unplaced": every residency school sends exactly one unit, so the
        // shift by top changes every solution's total by the same amount, and all costs are non-negative.
        int sink = residencies + studios;
        int nodes = sink + 1;
        int[] taken = new int[residencies];
        Arrays.fill(taken, -1);
        int[] holders = new int[studios];
        int[][] seated = new int[studios][];
        for (int s = 0; s < studios; s++) {
            seated[s] = new int[Math.max(0, capacity[s])];
        }
        long[] potential = new long[nodes];
        long[] distance = new long[nodes];
        int[] previous = new int[nodes];
        boolean[] settled = new boolean[nodes];
        IndexedHeap heap = new IndexedHeap(nodes);

        for (int start = 0; start < residencies; start++) {
            Arrays.fill(distance, UNREACHED);
            Arrays.fill(settled, false);
            Arrays.fill(previous, -1);
            distance[start] = 0;
            heap.pushOrDecrease(start, 0);
            while (!heap.isEmpty()) {
                int node = heap.pop();
                settled[node] = true;
                if (node == sink) {
                    break;
                }
                long here = distance[node];
                if (node < residencies) {
                    int r = node;
                    int[] mine = options[r];
                    for (int o = 0; o < mine.length; o++) {
                        if (taken[r] == o) {
                            continue;
                        }
                        int studio = residencies + mine[o];
                        relax(heap, distance, previous, settled, node, studio,
                                here + (top - gains[r][o]) + potential[node] - potential[studio]);
                    }
                    // Unplaced; a school already left unplaced is never reached again (nothing flows into it).
                    relax(heap, distance, previous, settled, node, sink, here + top + potential[node] - potential[sink]);
                } else {
                    int s = node - residencies;
                    if (holders[s] < seated[s].length) {
                        relax(heap, distance, previous, settled, node, sink, here + potential[node] - potential[sink]);
                    }
                    for (int h = 0; h < holders[s]; h++) {
                        int r = seated[s][h];
                        long back = -(top - gains[r][taken[r]]);
                        relax(heap, distance, previous, settled, node, r, here + back + potential[node] - potential[r]);
                    }
                }
            }
            heap.clear();
            long toSink = distance[sink];
            for (int v = 0; v < nodes; v++) {
                potential[v] += settled[v] ? distance[v] : toSink;
            }
            augment(previous, sink, residencies, options, taken, holders, seated);
        }
        int[] result = new int[residencies];
        for (int r = 0; r < residencies; r++) {
            result[r] = taken[r] >= 0 ? taken[r] : -1;
        }
        return result;
    }

    private static void relax(IndexedHeap heap, long[] distance, int[] previous, boolean[] settled, int from, int to, long reached) {
        if (!settled[to] && reached < distance[to]) {
            distance[to] = reached;
            previous[to] = from;
            heap.pushOrDecrease(to, reached);
        }
    }

    /** Walks the shortest path back from the sink, moving each residency school on it to the studio after it. */
    private static void augment(int[] previous, int sink, int residencies, int[][] options, int[] taken, int[] holders, int[][] seated) {
        int node = sink;
        int nextStudio = -1;
        while (node != -1) {
            int before = previous[node];
            if (node < residencies) {
                int r = node;
                if (taken[r] >= 0) {
                    unseat(options[r][taken[r]], r, holders, seated);
                }
                if (nextStudio < 0) {
                    taken[r] = -2;
                } else {
                    taken[r] = indexOf(options[r], nextStudio);
                    seated[nextStudio][holders[nextStudio]++] = r;
                }
                nextStudio = -1;
            } else if (node != sink) {
                nextStudio = node - residencies;
            }
            node = before;
        }
    }

    private static void unseat(int studio, int r, int[] holders, int[][] seated) {
        for (int h = 0; h < holders[studio]; h++) {
            if (seated[studio][h] == r) {
                seated[studio][h] = seated[studio][--holders[studio]];
                return;
            }
        }
    }

    private static int indexOf(int[] options, int studio) {
        for (int o = 0; o < options.length; o++) {
            if (options[o] == studio) {
                return o;
            }
        }
        throw new IllegalStateException("studio " + studio + " is not an option");
    }

    /** A binary min-heap of node indexes keyed by distance, with decrease-key. */
    private static final class IndexedHeap {
        private final int[] nodes;
        private final long[] keys;
        private final int[] position;
        private int size;

        IndexedHeap(int capacity) {
            nodes = new int[capacity];
            keys = new long[capacity];
            position = new int[capacity];
            Arrays.fill(position, -1);
        }

        boolean isEmpty() {
            return size == 0;
        }

        void pushOrDecrease(int node, long key) {
            int at = position[node];
            if (at < 0) {
                at = size++;
                nodes[at] = node;
                position[node] = at;
            }
            keys[at] = key;
            up(at);
        }

        int pop() {
            int top = nodes[0];
            position[top] = -1;
            size--;
            if (size > 0) {
                nodes[0] = nodes[size];
                keys[0] = keys[size];
                position[nodes[0]] = 0;
                down(0);
            }
            return top;
        }

        void clear() {
            for (int i = 0; i < size; i++) {
                position[nodes[i]] = -1;
            }
            size = 0;
        }

        private void up(int at) {
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (keys[parent] <= keys[at]) {
                    return;
                }
                swap(at, parent);
                at = parent;
            }
        }

        private void down(int at) {
            while (true) {
                int left = 2 * at + 1;
                if (left >= size) {
                    return;
                }
                int smaller = left + 1 < size && keys[left + 1] < keys[left] ? left + 1 : left;
                if (keys[at] <= keys[smaller]) {
                    return;
                }
                swap(at, smaller);
                at = smaller;
            }
        }

        private void swap(int a, int b) {
            int na = nodes[a];
            long ka = keys[a];
            nodes[a] = nodes[b];
            keys[a] = keys[b];
            nodes[b] = na;
            keys[b] = ka;
            position[nodes[a]] = a;
            position[nodes[b]] = b;
        }
    }
}
