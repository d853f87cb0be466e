// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;

/** Files a policy names (certificates, PKCS#12 stores), resolved relative to the policy file itself. */
public final class RelativeFiles {

	private RelativeFiles() {
	}

	/**
	 * The file the path names, relative to the directory of the element's policy file; empty when
	 * the policy file is not a local file (then nothing can be checked).
	 */
	public static Optional<Path> resolve(EObject element, String path) {
		if (element.eResource() == null || path == null) {
			return Optional.empty();
		}
		URI uri = element.eResource().getURI();
		if (uri == null || !uri.isFile() || uri.isRelative()) {
			return Optional.empty();
		}
		try {
			Path parent = Path.of(uri.toFileString()).getParent();
			return parent == null ? Optional.empty() : Optional.of(parent.resolve(path).normalize());
		} catch (InvalidPathException e) {
			return Optional.of(Path.of("/nonexistent/" + Integer.toHexString(path.hashCode())));
		}
	}

	/** Whether the named file is missing; {@code false} when the policy file is not local. */
	public static boolean isMissing(EObject element, String path) {
		return resolve(element, path).map(file -> !Files.isRegularFile(file)).orElse(false);
	}
}
