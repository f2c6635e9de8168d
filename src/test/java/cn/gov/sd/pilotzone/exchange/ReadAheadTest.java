package cn.gov.sd.pilotzone.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** A file read on a thread of its own, written on the caller's: order, results and failures of either side. */
class ReadAheadTest {

    @Test
    void theWriterGetsEveryChunkInOrderOnTheCallingThreadAndTheReadersResultIsReturned() {
        List<Integer> written = new ArrayList<>();
        Thread caller = Thread.currentThread();
        AtomicBoolean elsewhere = new AtomicBoolean();
        String result = ReadAhead.run("test reader", 2, (Consumer<Integer> sink) -> {
            for (int i = 0; i < 100; i++) {
                sink.accept(i);
            }
            return "read 100";
        }, chunk -> {
            elsewhere.compareAndSet(false, Thread.currentThread() != caller);
            written.add(chunk);
        });
        assertThat(result).isEqualTo("read 100");
        assertThat(written).hasSize(100).isSorted();
        assertThat(elsewhere).isFalse();
    }

    @Test
    void theReaderRunsOnAThreadOfItsOwn() {
        AtomicReference<String> readerThread = new AtomicReference<>();
        ReadAhead.run("test reader", 1, (Consumer<Integer> sink) -> {
            readerThread.set(Thread.currentThread().getName());
            return null;
        }, chunk -> { });
        assertThat(readerThread.get()).isEqualTo("test reader");
    }

    @Test
    void aFailureOfTheReaderIsThrownAfterTheChunksBeforeItWereWritten() {
        List<Integer> written = new ArrayList<>();
        assertThatThrownBy(() -> ReadAhead.run("test reader", 4, (Consumer<Integer> sink) -> {
            sink.accept(1);
            sink.accept(2);
            throw new IllegalArgumentException("bad quote on line 3");
        }, written::add)).isInstanceOf(IllegalArgumentException.class).hasMessage("bad quote on line 3");
        assertThat(written).containsExactly(1, 2);
    }

    @Test
    void aFailureOfTheWriterStopsTheReaderAndIsThrown() throws Exception {
        AtomicBoolean readerStopped = new AtomicBoolean();
        AtomicReference<Thread> reader = new AtomicReference<>();
        assertThatThrownBy(() -> ReadAhead.run("test reader", 1, (Consumer<Integer> sink) -> {
            reader.set(Thread.currentThread());
            try {
                for (int i = 0; ; i++) { // would never end if its sink did not throw
                    sink.accept(i);
                }
            } catch (RuntimeException e) {
                readerStopped.set(true);
                throw e;
            }
        }, chunk -> {
            if (chunk == 3) {
                throw new IllegalStateException("database gone");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        assertThat(readerStopped).isTrue();
        assertThat(reader.get().isAlive()).isFalse();
    }

    @Test
    void aReaderThatFinishesWhileTheWriterFailsDoesNotHang() {
        assertThatThrownBy(() -> ReadAhead.run("test reader", 1, (Consumer<Integer> sink) -> {
            sink.accept(1);
            return "done";
        }, chunk -> {
            throw new IllegalStateException("constraint violated");
        })).isInstanceOf(IllegalStateException.class);
    }
}
