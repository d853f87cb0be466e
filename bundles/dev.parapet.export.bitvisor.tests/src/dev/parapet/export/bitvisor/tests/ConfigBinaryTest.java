// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.export.bitvisor.BitvisorExport;
import dev.parapet.export.bitvisor.BitvisorLayout;
import dev.parapet.export.bitvisor.BitvisorLayouts;
import dev.parapet.export.bitvisor.EncryptedConfig;
import dev.parapet.export.bitvisor.FieldGroup;
import dev.parapet.export.bitvisor.UnknownCommitException;

/**
 * config.bin byte by byte against the offsets of the BitVisor note (66559d6), written here as plain
 * numbers so that a wrong layout table cannot agree with itself.
 */
class ConfigBinaryTest {

	private static final int STORAGE = 67396;
	private static final int KEYS_CONF = STORAGE + 512;
	private static final int VMM = 72804;

	@Test
	void layoutGroupsSitAtTheNotesOffsets() throws Exception {
		BitvisorLayout layout = BitvisorLayouts.forCommit("66559d6");
		assertEquals(80936, layout.length());
		assertEquals(List.of(new FieldGroup("len", 0, 4), new FieldGroup("idman", 4, 24656),
				new FieldGroup("vpn", 24660, 30432), new FieldGroup("ip", 55092, 16), new FieldGroup("tls", 55108, 12288),
				new FieldGroup("storage", 67396, 5408), new FieldGroup("vmm", 72804, 7308), new FieldGroup("wg", 80112, 124),
				new FieldGroup("wg_gos", 80236, 140), new FieldGroup("usbr", 80376, 560)), layout.groups());
		int end = 0;
		for (FieldGroup group : layout.groups()) {
			assertEquals(end, group.offset(), group.name() + " follows the previous group");
			end = group.offset() + group.size();
		}
		assertEquals(80936, end);
		assertEquals(4 + 24648, layout.field("idman.minPinLen").orElseThrow().offset());
		assertEquals(4 + 24652, layout.field("idman.authenticationMethod").orElseThrow().offset());
		assertEquals(24660, layout.field("vpn.mode").orElseThrow().offset());
		assertEquals(24660 + 30432 - 16, layout.field("vpn.vpnPingMsgSizeV6").orElseThrow().offset());
		assertEquals(55092 + 12, layout.field("ip.use_dhcp").orElseThrow().offset());
		assertEquals(STORAGE + 15 * 32, layout.field("storage.encryptionKey15.place").orElseThrow().offset());
		assertEquals(KEYS_CONF + 15 * 306 + 50, layout.field("storage.conf15.extend").orElseThrow().offset());
		assertEquals(VMM + 1024 + 3 * 4, layout.field("vmm.panic_reboot").orElseThrow().offset());
		assertEquals(VMM + 1024 + 14 * 4, layout.field("vmm.localapic_intercept").orElseThrow().offset());
		assertEquals(VMM + 7308 - 12 - 8, layout.field("vmm.iccard.enable").orElseThrow().offset());
	}

	@Test
	void anUnknownCommitIsAClearError() {
		UnknownCommitException e = assertThrows(UnknownCommitException.class, () -> BitvisorLayouts.forCommit("1234567"));
		assertTrue(e.getMessage().contains("66559d6"), e.getMessage());
	}

	@Test
	void configBinParsesBackToTheStorageEntriesAndKeys() throws Exception {
		byte[] config = ExportFixtures.export("simple").config();
		ByteBuffer image = ByteBuffer.wrap(config).order(ByteOrder.LITTLE_ENDIAN);
		assertEquals(80936, config.length);
		assertEquals(80936, image.getInt(0), "len");
		List<String> entries = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			int at = KEYS_CONF + i * 306;
			int type = image.getInt(at + 16);
			if (type == 0) {
				continue;
			}
			assertArrayEquals(new byte[16], Arrays.copyOfRange(config, at, at + 16), "guid is never written");
			entries.add(type + " " + (image.get(at + 20) & 0xFF) + " " + (image.getShort(at + 21) & 0xFFFF) + " "
					+ image.getLong(at + 23) + " " + image.getLong(at + 31) + " " + cString(config, at + 39, 8) + " "
					+ (image.get(at + 47) & 0xFF) + " " + (image.getShort(at + 48) & 0xFFFF) + " "
					+ cString(config, at + 50, 256));
		}
		assertEquals(List.of(
				"4 0 2 0 9223372036854775807 aes-xts 0 512 ",
				"1 1 0 0 2047 none 0 0 ",
				"1 1 0 2048 9223372036854775807 aes-xts 2 256 ",
				"6 1 0 0 9223372036854775807 aes-xts 0 512 ",
				"3 255 65535 0 9223372036854775807 aes-xts 3 256 usb_vendor_id=0951,usb_product_id=1666"), entries);
		byte[] disk = Files.readAllBytes(ExportFixtures.root().resolve("keys/disk-key.key"));
		assertArrayEquals(Arrays.copyOfRange(disk, 0, 32), Arrays.copyOfRange(config, STORAGE, STORAGE + 32));
		assertArrayEquals(Arrays.copyOfRange(disk, 32, 64), Arrays.copyOfRange(config, STORAGE + 32, STORAGE + 64));
		assertArrayEquals(Files.readAllBytes(ExportFixtures.root().resolve("keys/archive-key.key")),
				Arrays.copyOfRange(config, STORAGE + 64, STORAGE + 96));
		assertEquals(1, image.getInt(VMM + 1024 + 12), "vmm.panic_reboot");
		assertTrue(!Arrays.equals(new byte[1024], Arrays.copyOfRange(config, VMM, VMM + 1024)), "random seed filled");
		assertArrayEquals(new byte[30432], Arrays.copyOfRange(config, 24660, 24660 + 30432), "vpn untouched");
		assertArrayEquals(new byte[24656], Arrays.copyOfRange(config, 4, 4 + 24656), "idman untouched");
		assertArrayEquals(new byte[80936 - 80112], Arrays.copyOfRange(config, 80112, 80936), "wg, wg_gos, usbr untouched");
	}

	@Test
	void storageEntriesAreSortedByStartAndCappedAtEightPerDevice() throws Exception {
		var plan = ExportFixtures.plan("many");
		List<String> lows = plan.entries().stream().filter(e -> e.key().endsWith(".lba_low")).map(e -> e.value()).toList();
		assertEquals(List.of("0", "1000", "2000", "3000", "4000", "5000", "6000", "7000"), lows);
		assertEquals(2, plan.degradations().stream().filter(d -> d.detail().contains("more than 8 ranges")).count());
		assertTrue(plan.degradations().stream().anyMatch(d -> d.element().equals("disk r9")));
	}

	@Test
	void module2DecryptsBackWithPythonCryptography(@TempDir Path dir) throws Exception {
		BitvisorExport.Files files = ExportFixtures.export("simple");
		Path module = dir.resolve("module2.bin");
		Files.write(module, files.module2());
		Path pass = dir.resolve("pass");
		Files.writeString(pass, new String(ExportFixtures.PASSPHRASE) + "\n");
		Path out = dir.resolve("plain.bin");
		Process process = new ProcessBuilder("/usr/bin/python3",
				ExportFixtures.root().resolve("peers/decrypt_module2.py").toString(), module.toString(), pass.toString(),
				out.toString()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.waitFor(), output);
		byte[] plain = Files.readAllBytes(out);
		assertEquals(80944, plain.length, "zero-padded to 16");
		assertArrayEquals(files.config(), Arrays.copyOf(plain, 80936));
		assertArrayEquals(new byte[8], Arrays.copyOfRange(plain, 80936, 80944));
		assertArrayEquals(plain, EncryptedConfig.decrypt(files.module2(), ExportFixtures.PASSPHRASE));
		assertEquals(8 + 80944, files.module2().length);
	}

	private static String cString(byte[] data, int offset, int size) {
		int end = offset;
		while (end < offset + size && data[end] != 0) {
			end++;
		}
		return new String(data, offset, end - offset, StandardCharsets.US_ASCII);
	}
}
