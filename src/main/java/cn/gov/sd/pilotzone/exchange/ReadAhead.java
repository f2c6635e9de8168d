package cn.gov.sd.pilotzone.exchange;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a file on a thread of its own while the calling thread writes what has been read, chunk by chunk, through
 * a bounded queue: a large file's parsing and checking then overlap its database writes instead of preceding them,
 * and at most {@code capacity} chunks wait in memory. The writer stays on the calling thread, in the caller's
 * transaction (a transaction is bound to its thread), so the file is still written in one transaction: whatever
 * fails on either side, reading or writing, is thrown to the caller, and its transaction rolls back.
 *
 * @param <T> a chunk
 */
public final class ReadAhead<T> {

    /** Marks the end of the chunks; the reader's outcome is then in {@link #result} or {@link #failure}. */
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private volatile Object result;
    private volatile Throwable failure;

    private ReadAhead(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Runs {@code reader} on a new thread named {@code threadName}, handing every chunk it passes to its sink to
     * {@code writer} on the calling thread, in order. Returns the reader's result once both are done. A failure of
     * the reader is thrown once the chunks before it have been written (the caller rolls them back); a failure of
     * the writer stops the reader (its sink throws) and is thrown.
     */
    public static <T, R> R run(String threadName, int capacity, Function<Consumer<T>, R> reader, Consumer<T> writer) {
        ReadAhead<T> pipe = new ReadAhead<>(capacity);
        Thread thread = new Thread(() -> pipe.read(reader), threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            pipe.write(writer);
        } catch (RuntimeException | Error e) {
            thread.interrupt(); // its next chunk, or the end, is not waited for
            pipe.queue.clear();
            join(thread);
            throw e;
        }
        join(thread);
        if (pipe.failure instanceof RuntimeException e) {
            throw e;
        }
        if (pipe.failure instanceof Error e) {
            throw e;
        }
        if (pipe.failure != null) {
            throw new IllegalStateException(pipe.failure);
        }
        @SuppressWarnings("unchecked")
        R result = (R) pipe.result;
        return result;
    }

    private void read(Function<Consumer<T>, ?> reader) {
        try {
            result = reader.apply(this::put);
        } catch (Throwable e) { // everything, so that the writer learns of it rather than wait for chunks forever
            failure = e;
        }
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            // the writer failed: it waits for this thread, not for the end
        }
    }

    private void put(T chunk) {
        try {
            queue.put(chunk); // throws at once once interrupted, even with room
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // so that the end is not put either
            throw new CancellationException("the writer failed");
        }
    }

    @SuppressWarnings("unchecked")
    private void write(Consumer<T> writer) {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while writing");
            }
            if (next == END) {
                return;
            }
            writer.accept((T) next);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the reader");
        }
    }
}
