// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bakes the images of many devices in parallel into one folder, each written atomically as
 * {@code <device>.img}; then, if every device succeeded and a bundle is asked for, packs all
 * images and a fleet manifest into {@code <fleet>.images.tar.gz} ({@link FleetBundle}). A failed or
 * cancelled device leaves no image; a failed or cancelled bake leaves no bundle.
 */
public final class FleetBake {

	/** Supplies one device's inputs (loads its blob, resolves its recipients). */
	@FunctionalInterface
	public interface Inputs {
		/** The inputs of {@code device}. */
		DeviceImageInputs of(String device) throws ImageBakeException, IOException;
	}

	/** Per-device progress; called from worker threads. */
	public interface Listener {
		/** A device's bake started. */
		default void started(String device) {
		}

		/** A device's image is in place. */
		default void finished(String device, Path image, long bytes) {
		}

		/** A device failed; nothing was written for it. */
		default void failed(String device, String message) {
		}
	}

	/** One written image. */
	public record Image(String device, Path file, long size, String sha256) {
	}

	/** What a run produced. */
	public record Result(List<Image> images, Map<String, String> failures, Path bundle, boolean cancelled) {
		/** Whether every device was baked (and the bundle written if asked for). */
		public boolean ok() {
			return failures.isEmpty() && !cancelled;
		}
	}

	private final Path out;
	private final int jobs;
	private final boolean bundle;
	private final Listener listener;

	/**
	 * @param out      output folder
	 * @param jobs     parallel workers (at least 1)
	 * @param bundle   whether to pack the fleet bundle
	 * @param listener progress callbacks
	 */
	public FleetBake(Path out, int jobs, boolean bundle, Listener listener) {
		this.out = out;
		this.jobs = Math.max(1, jobs);
		this.bundle = bundle;
		this.listener = listener;
	}

	/** Bakes {@code devices} of {@code fleet}; {@code cancel} stops work not yet started. */
	public Result run(String fleet, long sourceDateEpoch, List<String> devices, Inputs inputs, AtomicBoolean cancel)
			throws IOException {
		List<Image> images = Collections.synchronizedList(new ArrayList<>());
		Map<String, String> failures = Collections.synchronizedMap(new TreeMap<>());
		ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
			Thread t = new Thread(r, "parapet-bake");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (String device : devices) {
				futures.add(pool.submit(() -> {
					if (cancel.get()) {
						return;
					}
					listener.started(device);
					try {
						BakedImage img = DeviceImageBaker.bake(inputs.of(device));
						if (cancel.get()) {
							return;
						}
						Path file = out.resolve(device + ".img");
						AtomicFiles.write(file, img::writeTo);
						images.add(new Image(device, file, img.sizeBytes(), HexFormat.of().formatHex(img.sha256())));
						listener.finished(device, file, img.sizeBytes());
					} catch (ImageBakeException | IOException | RuntimeException e) {
						String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
						failures.put(device, msg);
						listener.failed(device, msg);
					}
				}));
			}
			for (Future<?> f : futures) {
				try {
					f.get();
				} catch (ExecutionException e) {
					throw new IOException(e.getCause());
				} catch (InterruptedException e) {
					cancel.set(true);
					Thread.currentThread().interrupt();
				}
			}
		} finally {
			pool.shutdownNow();
		}
		List<Image> sorted = new ArrayList<>(images);
		sorted.sort((a, b) -> a.device().compareTo(b.device()));
		Path bundleFile = null;
		if (bundle && failures.isEmpty() && !cancel.get()) {
			bundleFile = out.resolve(fleet + ".images.tar.gz");
			FleetBundle.write(bundleFile, fleet, sourceDateEpoch, sorted);
		}
		return new Result(List.copyOf(sorted), Map.copyOf(failures), bundleFile, cancel.get());
	}
}
