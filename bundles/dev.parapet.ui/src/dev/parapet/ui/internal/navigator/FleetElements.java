// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal.navigator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.util.CancelIndicator;

import dev.parapet.policy.ui.internal.model.FleetParser;
import dev.parapet.policy.ui.internal.model.FleetSources;
import dev.parapet.policy.ui.internal.model.PolicySnapshot;

/** The declarations of each policy file as saved, parsed once per file version. */
final class FleetElements {

	private record Entry(long stamp, List<FleetElement> elements) {
	}

	private final Map<IFile, Entry> cache = new ConcurrentHashMap<>();

	/** Top-level declarations of {@code file}; empty for a file that cannot be read. */
	List<FleetElement> of(IFile file) {
		long stamp = file.getModificationStamp();
		Entry entry = cache.get(file);
		if (entry == null || entry.stamp() != stamp) {
			entry = new Entry(stamp, parse(file));
			cache.put(file, entry);
		}
		return entry.elements();
	}

	void forget(IFile file) {
		cache.remove(file);
	}

	private static List<FleetElement> parse(IFile file) {
		Path location = FleetSources.locationOf(file);
		if (location == null) {
			return List.of();
		}
		try {
			String text = Files.readString(location, StandardCharsets.UTF_8);
			PolicySnapshot snapshot = FleetParser.parse(URI.createFileURI(location.toString()), text, List.of(), null,
					CancelIndicator.NullImpl);
			return snapshot.model().map(model -> FleetElement.of(file, model)).orElse(List.of());
		} catch (IOException e) {
			ILog.of(FleetElements.class).log(Status.warning("Cannot read " + location, e));
			return List.of();
		}
	}
}
