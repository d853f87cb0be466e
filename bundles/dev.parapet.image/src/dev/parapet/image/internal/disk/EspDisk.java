// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.disk;

import java.util.Map;
import java.util.UUID;

/**
 * A GPT disk with one FAT32 EFI System Partition holding the given files. GUIDs and the volume
 * serial are derived from the fleet and device ids, timestamps from SOURCE_DATE_EPOCH, so the
 * image is a function of its inputs.
 */
public final class EspDisk {

	/** Volume label of every Parapet ESP. */
	public static final String LABEL = "PARAPET";
	/** GPT partition name of every Parapet ESP. */
	public static final String PARTITION_NAME = "EFI System Partition";

	private EspDisk() {
	}

	/** Lays out the disk for {@code files} ('/'-separated paths) of {@code device} in {@code fleet}. */
	public static SparseImage build(String fleet, String device, long sourceDateEpoch, Map<String, byte[]> files) {
		long espSectors = Fat32Writer.sectorsFor(files);
		GptLayout layout = GptLayout.forPartition(espSectors);
		SparseImage image = new SparseImage(layout.sizeBytes());
		UUID disk = Guids.derive("parapet-gpt-disk", fleet, device);
		UUID part = Guids.derive("parapet-gpt-esp", fleet, device);
		GptWriter.write(image, layout, disk, part, PARTITION_NAME);
		int volumeId = (int) Guids.derive("parapet-fat-volume", fleet, device).getMostSignificantBits();
		new Fat32Writer(espSectors, volumeId, LABEL, sourceDateEpoch)
				.write(image, layout.firstLba() * GptLayout.SECTOR, layout.firstLba(), files);
		return image;
	}
}
