// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;

import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.model.SourceLink;

/** Reads X.509 certificates (PEM or DER) named in the fleet, relative to the file that names them. */
public final class CertificateFiles {

	/** Parsed certificates by path, valid while the file's size and modification time stay the same. */
	private static final Map<Path, Cached> CACHE = new ConcurrentHashMap<>();

	private record Cached(long size, FileTime modified, byte[] der) {
	}

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
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			Cached cached = CACHE.get(path);
			if (cached != null && cached.size() == attributes.size() && cached.modified().equals(attributes.lastModifiedTime())) {
				return cached.der().clone();
			}
			byte[] content = Files.readAllBytes(path);
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(content));
			byte[] der = certificate.getEncoded();
			CACHE.put(path, new Cached(attributes.size(), attributes.lastModifiedTime(), der.clone()));
			return der;
		} catch (IOException e) {
			throw new CompileException(source, field + ": cannot read " + path + ": " + e.getMessage(), e);
		} catch (CertificateException | ClassCastException e) {
			throw new CompileException(source, field + ": " + path + " is not an X.509 certificate (PEM or DER)", e);
		}
	}
}
