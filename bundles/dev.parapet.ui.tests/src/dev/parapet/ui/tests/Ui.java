// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Display;

/** Waiting for the workbench while it keeps running, and screenshots of the X display. */
final class Ui {

	private Ui() {
	}

	/** Runs pending UI events. */
	static void drain() {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// keep dispatching
		}
	}

	/** Keeps the UI running until {@code condition} holds; fails with {@code what} after {@code timeout}. */
	static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
		waitFor(what, timeout, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
	}

	/** Keeps the UI running until {@code value} is not null, and returns it. */
	static <T> T waitFor(String what, Duration timeout, Supplier<T> value) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			drain();
			T result = value.get();
			if (result != null) {
				return result;
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				fail("interrupted while waiting for " + what);
			}
		}
		return fail("timed out after " + timeout.toSeconds() + " s waiting for " + what);
	}

	/** Saves a screenshot of the whole X display under target/screenshots and returns its path. */
	static Path screenshot(String name) throws IOException, InterruptedException {
		for (int i = 0; i < 10; i++) {
			drain();
			Thread.sleep(30);
		}
		Path folder = Path.of(System.getProperty("parapet.screenshots", "target/screenshots"));
		Files.createDirectories(folder);
		Path file = folder.resolve(name + ".png");
		// Debian's ImageMagick; /usr/local/bin may hold stand-ins that draw nothing
		Process process = new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).inheritIO().start();
		assertEquals(0, process.waitFor(), "import -window root " + file);
		return file;
	}
}
