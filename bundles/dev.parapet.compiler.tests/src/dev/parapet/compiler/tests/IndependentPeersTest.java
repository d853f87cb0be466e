// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.compiler.CompiledPolicy;
import dev.parapet.compiler.keys.PolicySigner;

/** The blobs as decoders and verifiers we did not write see them (python3-cbor2, python3-cryptography, OpenSSL). */
class IndependentPeersTest {

	@Test
	void cbor2DecodesEveryBlobAndCryptographyVerifiesItsSignature(@TempDir Path dir) throws Exception {
		var fleet = TestResources.smallFleet();
		String cert = TestResources.root().resolve("keys/policy-signing.pem").toString();
		try (PolicySigner signer = TestResources.testSigner()) {
			for (var device : fleet.devices()) {
				CompiledPolicy compiled = TestResources.compiler().compile(device, TestResources.CREATED, signer);
				Path blob = dir.resolve(device.getName() + ".policy.cose");
				Files.write(blob, compiled.blob());
				var run = TestResources.run(TestResources.python("verify_blob.py", blob.toString(), cert).toArray(String[]::new));
				assertEquals(0, run.exit(), run.output());
				assertTrue(run.output().contains("\"valid\": true"), run.output());
				assertTrue(run.output().contains("\"kid_matches\": true"), run.output());
				assertTrue(run.output().contains("\"policy_id\": \"" + compiled.policyIdHex() + "\""), run.output());
				assertTrue(run.output().contains("\"device\": \"" + device.getName() + "\""), run.output());
			}
		}
	}

	@Test
	void cryptographyRejectsABlobWithAFlippedPayloadByte(@TempDir Path dir) throws Exception {
		CompiledPolicy compiled;
		try (PolicySigner signer = TestResources.testSigner()) {
			compiled = TestResources.compiler().compile(TestResources.smallFleet().device("laptop-1").orElseThrow(),
					TestResources.CREATED, signer);
		}
		byte[] blob = compiled.blob();
		// a byte inside the device name, well inside the payload
		int at = indexOf(blob, "laptop-1".getBytes());
		blob[at] ^= 0x01;
		Path file = dir.resolve("flipped.cose");
		Files.write(file, blob);
		var run = TestResources.run(TestResources
				.python("verify_blob.py", file.toString(), TestResources.root().resolve("keys/policy-signing.pem").toString())
				.toArray(String[]::new));
		assertNotEquals(0, run.exit(), run.output());
		assertTrue(run.output().contains("signature does not verify"), run.output());
	}

	@Test
	void opensslVerifiesTheSignatureOverTheSigStructure(@TempDir Path dir) throws Exception {
		CompiledPolicy compiled;
		try (PolicySigner signer = TestResources.testSigner()) {
			compiled = TestResources.compiler().compile(TestResources.smallFleet().device("lab-7").orElseThrow(),
					TestResources.CREATED, signer);
		}
		assertOpensslVerifies(dir, compiled.blob(), TestResources.root().resolve("keys/policy-signing.pem"));
	}

	static void assertOpensslVerifies(Path dir, byte[] blobBytes, Path certificate) throws Exception {
		Path blob = dir.resolve("blob.cose");
		Files.write(blob, blobBytes);
		Path tbs = dir.resolve("tbs.bin");
		Path sig = dir.resolve("sig.der");
		Path pub = dir.resolve("pub.pem");
		var split = TestResources.run(TestResources.python("raw_to_der.py", blob.toString(), tbs.toString(), sig.toString())
				.toArray(String[]::new));
		assertEquals(0, split.exit(), split.output());
		var key = TestResources.run("openssl", "x509", "-in", certificate.toString(), "-pubkey", "-noout", "-out",
				pub.toString());
		assertEquals(0, key.exit(), key.output());
		var verify = TestResources.run("openssl", "dgst", "-sha256", "-verify", pub.toString(), "-signature",
				sig.toString(), tbs.toString());
		assertEquals(0, verify.exit(), verify.output());
		assertTrue(verify.output().contains("Verified OK"), verify.output());
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError("not found");
	}
}
