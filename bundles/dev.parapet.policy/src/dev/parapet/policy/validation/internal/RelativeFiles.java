// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
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

	/**
	 * Whether the named file exists but is not an X.509 certificate in PEM or DER form; {@code false}
	 * when it is missing (reported on its own) or the policy file is not local.
	 */
	public static boolean isUnreadableCertificate(EObject element, String path) {
		Optional<Path> file = resolve(element, path);
		if (file.isEmpty() || !Files.isRegularFile(file.get())) {
			return false;
		}
		try (var in = Files.newInputStream(file.get())) {
			return CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty();
		} catch (IOException | CertificateException e) {
			return true;
		}
	}

	/** Whether the named file is missing; {@code false} when the policy file is not local. */
	public static boolean isMissing(EObject element, String path) {
		return resolve(element, path).map(file -> !Files.isRegularFile(file)).orElse(false);
	}
}
