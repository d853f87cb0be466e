// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;

import com.google.inject.Injector;

import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.PolicySources;
import dev.parapet.policy.policy.Import;
import dev.parapet.policy.policy.PolicyFile;

/**
 * Loads policy files and, transitively, the files they import into one resource set, ready for
 * linking and validation of a whole fleet.
 *
 * <p>Two things keep a 10,000-device fleet fast. Files are parsed in parallel, each in a resource
 * set of its own thread (as Xtext's own parallel loader does), then moved into the fleet's set.
 * And the exported names of every file are indexed once ({@link ResourceDescriptionsData} installed
 * on the set): without the index the global scope looks a name up by walking every file's
 * description, for every reference.
 */
public final class FleetResources {

	private final Injector injector;

	/**
	 * @param injector the runtime injector of the policy language
	 */
	public FleetResources(Injector injector) {
		this.injector = injector;
	}

	/**
	 * @param files the files to load, with the name to show for each in errors
	 * @return the resource set holding the files, then the files they import
	 * @throws CliException when a file cannot be read
	 */
	public XtextResourceSet load(Map<URI, String> files) throws CliException {
		XtextResourceSet fleet = injector.getInstance(XtextResourceSet.class);
		parseInto(fleet, files);
		for (int next = 0; next < fleet.getResources().size(); next++) {
			Map<URI, String> imported = importsOf(fleet, fleet.getResources().get(next));
			parseInto(fleet, imported);
		}
		index(fleet);
		return fleet;
	}

	/**
	 * Re-indexes the exported names of one resource after it changed (as an editor does on every
	 * edit).
	 *
	 * @param fleet    a resource set returned by {@link #load(Map)}
	 * @param resource the changed resource
	 */
	public void reindex(XtextResourceSet fleet, Resource resource) {
		ResourceDescriptionsData data = ResourceDescriptionsData.ResourceSetAdapter.findResourceDescriptionsData(fleet);
		data.addDescription(resource.getURI(), descriptions().getResourceDescription(resource));
	}

	private void index(XtextResourceSet fleet) {
		IResourceDescription.Manager manager = descriptions();
		List<IResourceDescription> all = new ArrayList<>();
		for (Resource resource : fleet.getResources()) {
			all.add(manager.getResourceDescription(resource));
		}
		ResourceDescriptionsData.ResourceSetAdapter.installResourceDescriptionsData(fleet, new ResourceDescriptionsData(all));
	}

	private IResourceDescription.Manager descriptions() {
		return injector.getInstance(IResourceDescription.Manager.class);
	}

	private void parseInto(XtextResourceSet fleet, Map<URI, String> files) throws CliException {
		if (files.isEmpty()) {
			return;
		}
		int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
		ExecutorService parsers = Executors.newFixedThreadPool(threads, runnable -> {
			Thread thread = new Thread(runnable, "parapet-parse");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Map<URI, Future<Resource>> parsed = new LinkedHashMap<>();
			for (URI uri : files.keySet()) {
				parsed.put(uri, parsers.submit(() -> injector.getInstance(XtextResourceSet.class).getResource(uri, true)));
			}
			for (Map.Entry<URI, Future<Resource>> each : parsed.entrySet()) {
				fleet.getResources().add(await(each.getValue(), files.get(each.getKey())));
			}
		} finally {
			parsers.shutdownNow();
		}
	}

	private static Resource await(Future<Resource> parsing, String shown) throws CliException {
		try {
			return parsing.get();
		} catch (ExecutionException e) {
			Throwable cause = e.getCause().getCause() != null ? e.getCause().getCause() : e.getCause();
			throw new CliException(shown + ": cannot read: " + cause.getMessage(), cause);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CliException(shown + ": interrupted while reading", e);
		}
	}

	/** Imported files that exist and are not loaded yet; a missing import is reported by validation. */
	private static Map<URI, String> importsOf(XtextResourceSet fleet, Resource resource) {
		Map<URI, String> imported = new LinkedHashMap<>();
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof PolicyFile policy)) {
			return imported;
		}
		for (Import anImport : policy.getImports()) {
			String target = anImport.getImportURI();
			if (target == null || !target.endsWith(PolicySources.EXTENSION)) {
				continue;
			}
			URI uri = URI.createURI(target).resolve(resource.getURI());
			if (uri.isFile() && fleet.getResource(uri, false) == null && Files.isRegularFile(Path.of(uri.toFileString()))) {
				imported.put(uri, uri.toFileString());
			}
		}
		return imported;
	}
}
