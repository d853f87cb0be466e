// SPDX-License-Identifier: EPL-2.0
package dev.parapet.card;

import java.util.List;
import java.util.Objects;

import javax.smartcardio.CardException;
import javax.smartcardio.TerminalFactory;

/** Watches readers for card insertion/removal (and readers appearing) until closed. */
public final class ReaderMonitor implements AutoCloseable {

    /** Receives reader states on the monitor thread. */
    public interface Listener {
        /** @param readers the state of every reader after a change (also called once at start) */
        void changed(List<ReaderState> readers);

        /** @param error why monitoring failed; the monitor retries after a pause */
        default void failed(CardIoException error) {
        }
    }

    private static final long WAIT_MILLIS = 500;
    private final Thread thread;
    private volatile boolean running = true;

    private ReaderMonitor(CardReaders readers, TerminalFactory factory, Listener listener) {
        thread = new Thread(() -> loop(readers, factory, listener), "parapet-reader-monitor");
        thread.setDaemon(true);
    }

    static ReaderMonitor start(CardReaders readers, TerminalFactory factory, Listener listener) {
        ReaderMonitor m = new ReaderMonitor(readers, factory, listener);
        m.thread.start();
        return m;
    }

    private void loop(CardReaders readers, TerminalFactory factory, Listener listener) {
        List<ReaderState> last = null;
        while (running) {
            try {
                List<ReaderState> now = readers.list();
                if (!Objects.equals(now, last)) {
                    listener.changed(now);
                    last = now;
                }
                if (now.isEmpty()) {
                    Thread.sleep(WAIT_MILLIS);
                } else {
                    factory.terminals().waitForChange(WAIT_MILLIS);
                }
            } catch (CardIoException e) {
                listener.failed(e);
                pause();
            } catch (CardException | IllegalStateException e) {
                listener.failed(new CardIoException("reader monitoring interrupted", e));
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MILLIS * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
