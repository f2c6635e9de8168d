package cn.gov.sd.pilotzone;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The races of the tests: {@code n} calls at the same moment, each on its own thread, released together once every
 * thread waits (a double click, a client that sends again, two clerks on one case, finance clerks on one budget).
 */
public final class AtOnce {

    private AtOnce() {
    }

    /** Runs {@code work(0)} … {@code work(n - 1)} at once; their results in that order. */
    public static <T> List<T> run(int n, IntFunction<T> work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> pending = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int which = i;
                pending.add(threads.submit(() -> {
                    start.await();
                    return work.apply(which);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : pending) {
                results.add(f.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
