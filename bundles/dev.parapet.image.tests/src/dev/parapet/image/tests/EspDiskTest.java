// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.image.internal.disk.DiskImageReader;
import dev.parapet.image.internal.disk.EspDisk;
import dev.parapet.image.internal.disk.ImageFormatException;
import dev.parapet.image.internal.disk.SparseImage;

class EspDiskTest {

	private static final long EPOCH = 1_763_769_600L; // 2025-11-22T00:00:00Z

	@TempDir
	Path tmp;

	private static Map<String, byte[]> files() {
		Map<String, byte[]> f = new LinkedHashMap<>();
		byte[] efi = new byte[70_001];
		new Random(7).nextBytes(efi);
		f.put("EFI/BOOT/BOOTX64.EFI", efi);
		f.put("EFI/parapet/policy.cose", "policy".getBytes());
		f.put("EFI/parapet/envelopes.cbor", new byte[1500]);
		f.put("EFI/parapet/manifest.p7s", new byte[] { 1, 2, 3 });
		f.put("EFI/parapet/sbom.cdx.json", "{}".getBytes());
		f.put("EFI/parapet/a very long file name with spaces.txt", "long".getBytes());
		f.put("EMPTY.TXT", new byte[0]);
		return f;
	}

	private Path write(String name, SparseImage image) throws IOException {
		Path p = tmp.resolve(name);
		try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			image.writeTo(ch);
		}
		return p;
	}

	@Test
	void sfdiskAndFdiskSeeOneEfiSystemPartitionOnAValidGpt() throws Exception {
		Path img = write("disk.img", EspDisk.build("acme", "laptop-1", EPOCH, files()));
		String json = Tools.ok("sfdisk", "--json", img.toString());
		assertTrue(json.contains("\"label\": \"gpt\""), json);
		assertTrue(json.contains("C12A7328-F81F-11D2-BA4B-00A0C93EC93B"), json);
		assertTrue(json.contains("\"start\": 2048"), json);
		assertTrue(json.contains("\"name\": \"EFI System Partition\""), json);
		String fdisk = Tools.ok("fdisk", "-l", img.toString());
		assertTrue(fdisk.contains("EFI System"), fdisk);
		assertTrue(!fdisk.toLowerCase().contains("corrupt") && !fdisk.contains("mismatch"), fdisk);
	}

	@Test
	void fsckVfatFindsNoProblemInTheEsp() throws Exception {
		SparseImage image = EspDisk.build("acme", "laptop-1", EPOCH, files());
		byte[] all = image.toByteArray();
		byte[] esp = Arrays.copyOfRange(all, 2048 * 512, all.length - 33 * 512);
		Path part = tmp.resolve("esp.img");
		Files.write(part, esp);
		String out = Tools.ok("fsck.vfat", "-n", "-v", part.toString());
		assertTrue(out.contains("32 bit entries") && out.contains("65530 data clusters"), out);
	}

	@Test
	void mtoolsReadsBackEveryFileWithItsLongName() throws Exception {
		Map<String, byte[]> files = files();
		Path img = write("disk.img", EspDisk.build("acme", "laptop-1", EPOCH, files));
		for (Map.Entry<String, byte[]> f : files.entrySet()) {
			Path out = tmp.resolve("out-" + Math.abs(f.getKey().hashCode()));
			Tools.ok("mcopy", "-n", "-i", img + "@@1M", "::/" + f.getKey(), out.toString());
			assertArrayEquals(f.getValue(), Files.readAllBytes(out), f.getKey());
		}
		String dir = Tools.ok("mdir", "-i", img + "@@1M", "::/EFI/BOOT");
		assertTrue(dir.contains("BOOTX64  EFI"), dir);
		assertTrue(dir.contains("2025-11-22") || dir.contains("11-22-2025"), dir);
		String label = Tools.ok("mlabel", "-s", "-i", img + "@@1M", "::");
		assertTrue(label.contains("PARAPET"), label);
	}

	@Test
	void ourReaderReturnsWhatWasWritten() throws Exception {
		Map<String, byte[]> files = files();
		Path img = write("disk.img", EspDisk.build("acme", "laptop-1", EPOCH, files));
		try (FileChannel ch = FileChannel.open(img)) {
			DiskImageReader r = new DiskImageReader(ch);
			Map<String, byte[]> back = r.files(r.gpt());
			assertEquals(files.keySet(), back.keySet());
			for (String k : files.keySet()) {
				assertArrayEquals(files.get(k), back.get(k), k);
			}
		}
	}

	@Test
	void sameInputsGiveTheSameBytesAndOtherDevicesGetOtherGuids() throws Exception {
		String a = sha(EspDisk.build("acme", "laptop-1", EPOCH, files()));
		String b = sha(EspDisk.build("acme", "laptop-1", EPOCH, files()));
		String c = sha(EspDisk.build("acme", "laptop-2", EPOCH, files()));
		String d = sha(EspDisk.build("acme", "laptop-1", EPOCH + 2, files()));
		assertEquals(a, b);
		assertTrue(!a.equals(c) && !a.equals(d));
	}

	@Test
	void aFlippedByteInTheGptHeaderIsRejected() throws Exception {
		Path img = write("disk.img", EspDisk.build("acme", "laptop-1", EPOCH, files()));
		byte[] all = Files.readAllBytes(img);
		all[512 + 40] ^= 1;
		Files.write(img, all);
		try (FileChannel ch = FileChannel.open(img)) {
			ImageFormatException e = assertThrows(ImageFormatException.class, () -> new DiskImageReader(ch).gpt());
			assertTrue(e.getMessage().contains("primary GPT header CRC32"), e.getMessage());
		}
	}

	private static String sha(SparseImage image) throws Exception {
		MessageDigest md = MessageDigest.getInstance("SHA-256");
		image.digest(md);
		return HexFormat.of().formatHex(md.digest());
	}
}
