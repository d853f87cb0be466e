// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.disk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Writes a protective MBR and the primary and backup GPT (UEFI 2.10 §5.3) for one partition.
 * Everything written depends only on the layout, the GUIDs and the partition name.
 */
public final class GptWriter {

	/** Partition type GUID of an EFI System Partition. */
	public static final UUID ESP_TYPE = UUID.fromString("c12a7328-f81f-11d2-ba4b-00a0c93ec93b");
	static final int HEADER_SIZE = 92;

	private GptWriter() {
	}

	/** Writes MBR, both headers and both entry arrays of {@code layout} into {@code image}. */
	public static void write(SparseImage image, GptLayout layout, UUID diskGuid, UUID partitionGuid, String name) {
		image.put(0, protectiveMbr(layout));
		byte[] entries = entries(layout, partitionGuid, name);
		CRC32 crc = new CRC32();
		crc.update(entries);
		int entriesCrc = (int) crc.getValue();
		long last = layout.totalSectors() - 1;
		long backupEntries = last - GptLayout.ENTRY_SECTORS;
		image.put(GptLayout.SECTOR, header(layout, diskGuid, 1, last, 2, entriesCrc));
		image.put(2L * GptLayout.SECTOR, entries);
		image.put(backupEntries * GptLayout.SECTOR, entries);
		image.put(last * GptLayout.SECTOR, header(layout, diskGuid, last, 1, backupEntries, entriesCrc));
	}

	private static byte[] protectiveMbr(GptLayout layout) {
		ByteBuffer b = ByteBuffer.allocate(GptLayout.SECTOR).order(ByteOrder.LITTLE_ENDIAN);
		b.position(446);
		b.put((byte) 0);
		b.put(new byte[] { 0x00, 0x02, 0x00 });
		b.put((byte) 0xEE);
		b.put(new byte[] { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF });
		b.putInt(1);
		b.putInt((int) Math.min(layout.totalSectors() - 1, 0xFFFF_FFFFL));
		b.position(510);
		b.put((byte) 0x55).put((byte) 0xAA);
		return b.array();
	}

	private static byte[] entries(GptLayout layout, UUID partitionGuid, String name) {
		ByteBuffer b = ByteBuffer.allocate(GptLayout.ENTRIES * GptLayout.ENTRY_SIZE).order(ByteOrder.LITTLE_ENDIAN);
		b.put(Guids.toEfiBytes(ESP_TYPE));
		b.put(Guids.toEfiBytes(partitionGuid));
		b.putLong(layout.firstLba());
		b.putLong(layout.lastLba());
		b.putLong(0);
		byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
		if (utf16.length > 72) {
			throw new IllegalArgumentException("partition name longer than 36 UTF-16 units: " + name);
		}
		b.put(utf16);
		return b.array();
	}

	private static byte[] header(GptLayout layout, UUID diskGuid, long myLba, long alternateLba, long entriesLba, int entriesCrc) {
		ByteBuffer b = ByteBuffer.allocate(GptLayout.SECTOR).order(ByteOrder.LITTLE_ENDIAN);
		b.put("EFI PART".getBytes(StandardCharsets.US_ASCII));
		b.putInt(0x0001_0000);
		b.putInt(HEADER_SIZE);
		b.putInt(0);
		b.putInt(0);
		b.putLong(myLba);
		b.putLong(alternateLba);
		b.putLong(2 + GptLayout.ENTRY_SECTORS);
		b.putLong(layout.lastUsableLba());
		b.put(Guids.toEfiBytes(diskGuid));
		b.putLong(entriesLba);
		b.putInt(GptLayout.ENTRIES);
		b.putInt(GptLayout.ENTRY_SIZE);
		b.putInt(entriesCrc);
		CRC32 crc = new CRC32();
		crc.update(b.array(), 0, HEADER_SIZE);
		b.putInt(16, (int) crc.getValue());
		return b.array();
	}
}
