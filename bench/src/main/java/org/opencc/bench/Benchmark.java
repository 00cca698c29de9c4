package org.opencc.bench;

import java.util.Map;

/** One benchmark: measures something once and describes it in a single {@code BENCH <name> ...} line. */
interface Benchmark {

    /** The name used in the result line and by {@code --only}. */
    String name();

    /**
     * Runs the benchmark.
     *
     * @param earlier results of the benchmarks that ran before this one in the same run, by name: the baselines
     *     a benchmark compares itself with
     */
    Result run(Map<String, Result> earlier) throws Exception;
}
