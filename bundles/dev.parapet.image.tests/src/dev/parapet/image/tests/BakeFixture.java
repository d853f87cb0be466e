// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parapet.image.CardKey;
import dev.parapet.image.DeviceImageInputs;
import dev.parapet.image.KeyRandomness;
import dev.parapet.image.KeyRecipients;
import dev.parapet.image.SigningKey;

/**
 * A small fleet for bake tests: the gnu-efi stand-in for hv-runtime, an RSA Secure Boot key, a
 * P-256 policy key, policy blobs written by an independent Python writer, two cards and a
 * recovery certificate.
 */
final class BakeFixture {

	static final long EPOCH = 1_763_769_600L;
	static final String FLEET = "acme";
	final Path dir;
	final TestPki pki;
	final byte[] runtime;
	final SigningKey secureBoot;

	BakeFixture(Path dir) throws Exception {
		this.dir = dir;
		this.pki = new TestPki(dir);
		Tools.ok("sh", Tools.resources().resolve("efi/build.sh").toString(), dir.resolve("efi").toString());
		this.runtime = Files.readAllBytes(dir.resolve("efi/hello.efi"));
		this.secureBoot = pki.secureBootKey("sb");
		pki.ecCertificate("policy");
		for (String c : new String[] { "card-alice-1", "card-bob-1", "recovery" }) {
			pki.ecCertificate(c);
		}
	}

	Path secureBootCertificate() throws Exception {
		return pki.secureBoot("sb");
	}

	ECPublicKey policyKey() throws Exception {
		return pki.ecPublic("policy");
	}

	byte[] blob(String fleet, String device, int counter) throws Exception {
		Path out = dir.resolve("blob-" + fleet + "-" + device + "-" + counter + ".cose");
		if (!Files.exists(out)) {
			Tools.ok("/usr/bin/python3", Tools.resources().resolve("py/mkblob.py").toString(), dir.resolve("policy.key").toString(),
					out.toString(), fleet, device, Integer.toString(counter));
		}
		return Files.readAllBytes(out);
	}

	Map<String, KeyRecipients> recipients() throws Exception {
		CardKey alice = new CardKey("card-alice-1", "alice", pki.certificate(pki.ecCertificate("card-alice-1")));
		CardKey bob = new CardKey("card-bob-1", "bob", pki.certificate(pki.ecCertificate("card-bob-1")));
		return Map.of("disk-key", new KeyRecipients(List.of(alice, bob), Optional.of(pki.certificate(pki.ecCertificate("recovery")))),
				"usb-key", new KeyRecipients(List.of(bob), Optional.empty()));
	}

	DeviceImageInputs inputs(String device, KeyRandomness randomness) throws java.io.IOException {
		try {
			return new DeviceImageInputs(FLEET, device, blob(FLEET, device, 7), runtime, "0.1.0-test", policyKey(), secureBoot,
					recipients(), EPOCH, randomness);
		} catch (java.io.IOException e) {
			throw e;
		} catch (Exception e) {
			throw new java.io.IOException(e);
		}
	}
}
