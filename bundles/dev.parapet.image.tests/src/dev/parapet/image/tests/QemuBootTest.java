// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.image.BakedImage;
import dev.parapet.image.CardKey;
import dev.parapet.image.DeviceImageBaker;
import dev.parapet.image.DeviceImageInputs;
import dev.parapet.image.KeyRandomness;
import dev.parapet.image.KeyRecipients;

/**
 * Boots a baked image in QEMU (TCG, SVM + NPT) with OVMF into the real hv-runtime, built from this
 * tree's hv-runtime/ with its own Makefile, with a policy blob written by hv-runtime's independent
 * test writer. Passes when the runtime's serial console says it verified the policy with the key
 * the baker put into .pppkey, reports our policy id, and has virtualized the firmware. Only one
 * QEMU runs at a time on the shared machine: the test waits for others to finish.
 */
class QemuBootTest {

	private static final String SERIAL = "SN-QEMU-BOOT-1";

	@TempDir
	Path tmp;

	@Test
	void aBakedImageBootsHvRuntimeWhichAcceptsItsPolicy() throws Exception {
		Path root = Tools.resources().toAbsolutePath().getParent().getParent().getParent();
		Path hv = tmp.resolve("hv");
		Tools.ok("make", "-s", "-C", root.resolve("hv-runtime").toString(), "B=" + hv, hv + "/parapet-hv.efi");
		BakeFixture fx = new BakeFixture(tmp);
		Path blob = tmp.resolve("qemu.cose");
		Tools.ok("/usr/bin/python3", root.resolve("hv-runtime/tests/mkblob.py").toString(), "blob", tmp.resolve("policy.key").toString(),
				blob.toString(), "--device", "qemu-1", "--serial", SERIAL, "--counter", "3");
		String policyId = Tools.ok("/usr/bin/python3", root.resolve("hv-runtime/tests/mkblob.py").toString(), "policy-id", blob.toString()).strip();
		CardKey alice = new CardKey("card-alice-1", "alice", fx.pki.certificate(fx.pki.ecCertificate("card-alice-1")));
		DeviceImageInputs in = new DeviceImageInputs("fleet-test", "qemu-1", Files.readAllBytes(blob), Files.readAllBytes(hv.resolve("parapet-hv.efi")),
				"0.1.0", fx.policyKey(), fx.secureBoot, Map.of("disk-key", new KeyRecipients(List.of(alice), Optional.empty()),
						"usb-key", new KeyRecipients(List.of(alice), Optional.empty())), BakeFixture.EPOCH, KeyRandomness.secure());
		BakedImage baked = DeviceImageBaker.bake(in);
		Path img = tmp.resolve("qemu-1.img");
		try (FileChannel ch = FileChannel.open(img, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			baked.writeTo(ch);
		}
		assertEquals(64, HexFormat.of().parseHex(policyId).length * 2);

		List<String> serial = boot(img);
		String log = String.join("\n", serial);
		assertTrue(serial.stream().anyMatch(l -> l.contains("[parapet] policy signature verified (ES256")), log);
		assertTrue(serial.contains("[parapet] policy id " + policyId), log);
		assertTrue(serial.stream().anyMatch(l -> l.contains("[parapet] device binding ok: SMBIOS serial " + SERIAL)), log);
		assertTrue(serial.stream().anyMatch(l -> l.contains("[parapet] firmware now runs as a guest; 1 of 1 CPUs virtualized")), log);
	}

	private static List<String> boot(Path img) throws Exception {
		waitForOtherQemu();
		Process qemu = new ProcessBuilder("timeout", "300", "qemu-system-x86_64", "-machine", "q35", "-accel", "tcg", "-cpu",
				"qemu64,+svm,+npt", "-m", "1G", "-smp", "1", "-bios", "/usr/share/ovmf/OVMF.fd", "-drive",
				"file=" + img + ",format=raw,snapshot=on", "-serial", "stdio", "-display", "none", "-net", "none", "-no-reboot",
				"-smbios", "type=1,serial=" + SERIAL).redirectErrorStream(true).start();
		qemu.getOutputStream().close();
		List<String> lines = new java.util.ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(qemu.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				String clean = line.replaceAll("\\p{Cntrl}", "").strip();
				lines.add(clean);
				// past this point the runtime chain-loads an OS loader this test image does not have
				if (clean.contains("REFUSING TO BOOT") || clean.contains("starting OS loader")) {
					break;
				}
			}
		} finally {
			qemu.destroy();
			if (!qemu.waitFor(10, TimeUnit.SECONDS)) {
				qemu.destroyForcibly();
			}
		}
		return lines;
	}

	private static void waitForOtherQemu() throws Exception {
		for (int i = 0; i < 120; i++) {
			Tools.Result r = Tools.run(null, List.of("pgrep", "-x", "qemu-system-x86"));
			if (r.exit() != 0) {
				return;
			}
			Thread.sleep(5000);
		}
	}
}
