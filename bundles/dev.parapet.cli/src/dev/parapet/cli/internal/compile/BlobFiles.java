// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.compile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

import dev.parapet.cli.internal.CliException;
import dev.parapet.compiler.cbor.CborDecoder;

/** Reading blobs and trusted certificates named on the command line. */
final class BlobFiles {

	private BlobFiles() {
	}

	static byte[] blob(Path file) throws CliException {
		try {
			if (Files.size(file) > CborDecoder.MAX_INPUT) {
				throw new CliException(file + ": larger than 1 MiB, not a policy blob");
			}
			return Files.readAllBytes(file);
		} catch (IOException e) {
			throw new CliException("Cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	/** The public key of an X.509 certificate (PEM or DER). */
	static PublicKey trusted(Path file) throws CliException {
		try {
			return CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file))).getPublicKey();
		} catch (IOException e) {
			throw new CliException("Cannot read " + file + ": " + e.getMessage(), e);
		} catch (CertificateException e) {
			throw new CliException(file + ": not an X.509 certificate (PEM or DER)", e);
		}
	}
}
