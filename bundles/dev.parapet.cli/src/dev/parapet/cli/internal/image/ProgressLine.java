// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.image;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.parapet.image.FleetBake;

/**
 * Bake progress on standard error: a redrawn bar when standard error is a terminal, else one line
 * per device (for logs and CI).
 */
final class ProgressLine implements FleetBake.Listener {

	private static final int WIDTH = 30;
	private final PrintStream err;
	private final boolean bar;
	private final int total;
	private final AtomicInteger done = new AtomicInteger();
	private final AtomicLong bytes = new AtomicLong();

	ProgressLine(PrintStream err, boolean bar, int total) {
		this.err = err;
		this.bar = bar;
		this.total = total;
	}

	@Override
	public void finished(String device, Path image, long size) {
		bytes.addAndGet(size);
		report(device, "baked " + image.getFileName() + " (" + size / (1024 * 1024) + " MiB)");
	}

	@Override
	public void failed(String device, String message) {
		synchronized (err) {
			if (bar) {
				err.print("\r\033[K");
			}
			err.println("parapet bake: " + message);
		}
		report(device, "FAILED");
	}

	private void report(String device, String what) {
		int n = done.incrementAndGet();
		synchronized (err) {
			if (bar) {
				int filled = total == 0 ? WIDTH : n * WIDTH / total;
				err.print("\r\033[K[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + n + "/" + total + " " + device);
				if (n == total) {
					err.println();
				}
			} else {
				err.println("[" + n + "/" + total + "] " + device + ": " + what);
			}
			err.flush();
		}
	}

	long bytes() {
		return bytes.get();
	}
}
