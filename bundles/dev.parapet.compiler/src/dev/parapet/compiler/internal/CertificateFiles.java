// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;

import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.model.SourceLink;

/** Reads X.509 certificates (PEM or DER) named in the fleet, relative to the file that names them. */
public final class CertificateFiles {

	private CertificateFiles() {
	}

	/** The path a file name written in {@code context}'s resource refers to. */
	public static Path resolve(EObject context, String file) throws CompileException {
		SourceLink source = SourceLink.of(context);
		URI uri = context.eResource() == null ? null : context.eResource().getURI();
		if (uri == null || !uri.isFile()) {
			throw new CompileException(source, "Cannot resolve \"" + file + "\": the policy was not loaded from a file");
		}
		return Path.of(uri.toFileString()).toAbsolutePath().getParent().resolve(file).normalize();
	}

	/** The DER encoding of the single certificate in the file. */
	public static byte[] readDer(EObject context, String file, String field) throws CompileException {
		Path path = resolve(context, file);
		SourceLink source = SourceLink.of(context);
		try {
			byte[] content = Files.readAllBytes(path);
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(content));
			return certificate.getEncoded();
		} catch (IOException e) {
			throw new CompileException(source, field + ": cannot read " + path + ": " + e.getMessage(), e);
		} catch (CertificateException | ClassCastException e) {
			throw new CompileException(source, field + ": " + path + " is not an X.509 certificate (PEM or DER)", e);
		}
	}
}
