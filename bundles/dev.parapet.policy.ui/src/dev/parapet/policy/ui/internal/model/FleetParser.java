// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import dev.parapet.policy.ui.PolicyLanguage;

/**
 * Parses policy texts in a fresh resource set that also holds the other files of their fleet, so that
 * references across files resolve exactly as they do for the command line.
 */
public final class FleetParser {

	private FleetParser() {
	}

	/**
	 * Parses {@code text} as the content of {@code uri} next to the saved content of the {@code fleet}
	 * files and validates it with {@code mode} ({@code null}: no validation).
	 */
	public static PolicySnapshot parse(URI uri, String text, List<URI> fleet, CheckMode mode, CancelIndicator cancel) {
		XtextResourceSet resourceSet = PolicyLanguage.get(XtextResourceSet.class);
		for (URI other : fleet) {
			if (!other.equals(uri)) {
				loadQuietly(resourceSet, other);
			}
		}
		XtextResource resource = (XtextResource) resourceSet.createResource(uri);
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), resourceSet.getLoadOptions());
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot parse " + uri, e);
		}
		EcoreUtil2.resolveLazyCrossReferences(resource, cancel);
		List<Issue> issues = mode == null ? List.of() : validator().validate(resource, mode, cancel);
		return new PolicySnapshot(text, resource, issues);
	}

	/** Loads every file of a fleet from disk and validates each of them with {@code mode}. */
	public static Map<URI, List<Issue>> validateAll(List<URI> fleet, CheckMode mode, CancelIndicator cancel) {
		XtextResourceSet resourceSet = PolicyLanguage.get(XtextResourceSet.class);
		Map<URI, Resource> loaded = new LinkedHashMap<>();
		for (URI uri : fleet) {
			Resource resource = loadQuietly(resourceSet, uri);
			if (resource != null) {
				loaded.put(uri, resource);
			}
		}
		Map<URI, List<Issue>> issues = new LinkedHashMap<>();
		for (Map.Entry<URI, Resource> entry : loaded.entrySet()) {
			if (cancel.isCanceled()) {
				break;
			}
			issues.put(entry.getKey(), validator().validate(entry.getValue(), mode, cancel));
		}
		return issues;
	}

	private static IResourceValidator validator() {
		return PolicyLanguage.get(IResourceValidator.class);
	}

	// A fleet file that vanished or cannot be read must not stop the others from being checked:
	// its own editor or the next build reports it.
	private static Resource loadQuietly(XtextResourceSet resourceSet, URI uri) {
		try {
			return resourceSet.getResource(uri, true);
		} catch (RuntimeException e) {
			Resource broken = resourceSet.getResource(uri, false);
			if (broken != null) {
				resourceSet.getResources().remove(broken);
			}
			return null;
		}
	}
}
