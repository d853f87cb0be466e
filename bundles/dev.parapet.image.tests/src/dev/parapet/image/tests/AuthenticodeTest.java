// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.image.Pkcs12SigningKey;
import dev.parapet.image.internal.crypto.P256;
import dev.parapet.image.internal.pe.AuthenticodeSigner;
import dev.parapet.image.internal.pe.PeFormatException;
import dev.parapet.image.internal.pe.PeImage;
import dev.parapet.image.internal.pe.PppKeySection;

class AuthenticodeTest {

	@TempDir
	static Path tmp;
	static byte[] hello;
	static TestPki pki;

	@BeforeAll
	static void buildTestApplication() throws Exception {
		Tools.ok("sh", Tools.resources().resolve("efi/build.sh").toString(), tmp.resolve("efi").toString());
		hello = Files.readAllBytes(tmp.resolve("efi/hello.efi"));
		pki = new TestPki(tmp);
	}

	private static byte[] patchedAndSigned() throws Exception {
		byte[] copy = hello.clone();
		PppKeySection.patch(PeImage.parse(copy), pki.ecPublic("policy"));
		return AuthenticodeSigner.sign(copy, pki.secureBootKey("sb"));
	}

	@Test
	void thePolicyKeyLandsInThePppkeySection() throws Exception {
		byte[] copy = hello.clone();
		PppKeySection.patch(PeImage.parse(copy), pki.ecPublic("policy"));
		assertArrayEquals(P256.encodePoint(pki.ecPublic("policy")), PppKeySection.read(PeImage.parse(copy)));
		int changed = 0;
		for (int i = 0; i < copy.length; i++) {
			changed += copy[i] != hello[i] ? 1 : 0;
		}
		assertTrue(changed > 0 && changed <= 65, "only the point's bytes change: " + changed);
	}

	@Test
	void sbverifyAcceptsTheSignatureWithTheSecureBootCertificate() throws Exception {
		Path efi = tmp.resolve("signed-sbverify.efi");
		Files.write(efi, patchedAndSigned());
		String out = Tools.ok("sbverify", "--cert", pki.secureBoot("sb").toString(), efi.toString());
		assertTrue(out.contains("Signature verification OK"), out);
	}

	@Test
	void sbverifyRejectsASignatureByAnotherKey() throws Exception {
		Path efi = tmp.resolve("signed-other.efi");
		Files.write(efi, patchedAndSigned());
		Tools.Result r = Tools.run(null, List.of("sbverify", "--cert", pki.secureBoot("other").toString(), efi.toString()));
		assertNotEquals(0, r.exit(), r.output());
	}

	@Test
	void osslsigncodeVerifiesTheSignatureAndThePeChecksum() throws Exception {
		Path efi = tmp.resolve("signed-ossl.efi");
		Files.write(efi, patchedAndSigned());
		String out = Tools.ok("osslsigncode", "verify", "-CAfile", pki.secureBoot("sb").toString(), "-in", efi.toString());
		assertTrue(out.contains("Signature verification: ok"), out);
		String current = line(out, "Current PE checksum");
		String calculated = line(out, "Calculated PE checksum");
		assertEquals(calculated.replaceAll(".*:", "").trim(), current.replaceAll(".*:", "").trim(), out);
	}

	@Test
	void signingIsReproducible() throws Exception {
		assertArrayEquals(patchedAndSigned(), patchedAndSigned());
	}

	@Test
	void anAlreadySignedImageIsNotSignedAgain() throws Exception {
		Pkcs12SigningKey key = pki.secureBootKey("sb");
		byte[] signed = patchedAndSigned();
		assertThrows(PeFormatException.class, () -> AuthenticodeSigner.sign(signed, key));
	}

	@Test
	void aBinaryWithoutPppkeySectionIsRefused() throws Exception {
		Path plain = tmp.resolve("plain.efi");
		Tools.ok("objcopy", "--remove-section", ".pppkey", tmp.resolve("efi/hello.efi").toString(), plain.toString());
		PeFormatException e = assertThrows(PeFormatException.class,
				() -> PppKeySection.patch(PeImage.parse(Files.readAllBytes(plain)), pki.ecPublic("policy")));
		assertTrue(e.getMessage().contains("no .pppkey section"), e.getMessage());
	}

	private static String line(String text, String prefix) {
		return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(prefix + ": missing");
	}
}
