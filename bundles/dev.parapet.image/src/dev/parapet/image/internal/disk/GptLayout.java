// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.disk;

/**
 * Where things sit on a one-partition GPT disk with 512-byte sectors: protective MBR at LBA 0,
 * primary header at 1, 128 entries of 128 bytes at 2..33, the partition from LBA 2048 (1 MiB
 * aligned), backup entries and header in the last 33 sectors; the disk is rounded up to whole MiB.
 *
 * @param totalSectors disk size in sectors
 * @param firstLba     first sector of the partition
 * @param lastLba      last sector of the partition, inclusive
 */
public record GptLayout(long totalSectors, long firstLba, long lastLba) {

	/** Sector size in bytes. */
	public static final int SECTOR = 512;
	/** Entries in each partition entry array. */
	public static final int ENTRIES = 128;
	/** Size of one partition entry. */
	public static final int ENTRY_SIZE = 128;
	/** Sectors of one entry array. */
	public static final int ENTRY_SECTORS = ENTRIES * ENTRY_SIZE / SECTOR;
	private static final long ALIGN = 2048;

	/** The smallest MiB-aligned disk holding a partition of {@code partitionSectors}. */
	public static GptLayout forPartition(long partitionSectors) {
		long needed = ALIGN + partitionSectors + ENTRY_SECTORS + 1;
		long total = (needed + ALIGN - 1) / ALIGN * ALIGN;
		return new GptLayout(total, ALIGN, ALIGN + partitionSectors - 1);
	}

	/** Partition size in sectors. */
	public long partitionSectors() {
		return lastLba - firstLba + 1;
	}

	/** Last LBA a partition may use. */
	public long lastUsableLba() {
		return totalSectors - ENTRY_SECTORS - 2;
	}

	/** Disk size in bytes. */
	public long sizeBytes() {
		return totalSectors * SECTOR;
	}
}
