// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Reads back what {@link GptWriter} and {@link Fat32Writer} wrote, checking as it goes: both GPT
 * headers and entry arrays with their CRC32s, one EFI System Partition, a FAT32 BPB, and files
 * reachable through the directory tree. Every problem is an {@link ImageFormatException} naming
 * what is wrong; nothing is repaired or guessed.
 */
public final class DiskImageReader {

	private static final int SECTOR = GptLayout.SECTOR;

	private final FileChannel channel;
	private final long size;

	/** A reader over an open channel; the caller closes it. */
	public DiskImageReader(FileChannel channel) throws IOException {
		this.channel = channel;
		this.size = channel.size();
	}

	/** What the GPT says. */
	public record Gpt(UUID diskGuid, UUID partitionGuid, long firstLba, long lastLba, String partitionName) {
	}

	/** Reads and checks the protective MBR and both GPT copies; they must agree. */
	public Gpt gpt() throws IOException {
		if (size % SECTOR != 0 || size < 68L * SECTOR) {
			throw new ImageFormatException("disk size " + size + " is not a GPT disk of whole sectors");
		}
		byte[] mbr = read(0, SECTOR);
		if ((mbr[510] & 0xff) != 0x55 || (mbr[511] & 0xff) != 0xAA || (mbr[446 + 4] & 0xff) != 0xEE) {
			throw new ImageFormatException("LBA 0 is not a protective MBR");
		}
		long last = size / SECTOR - 1;
		byte[] primary = header(1, last);
		byte[] backup = header(last, 1);
		ByteBuffer p = ByteBuffer.wrap(primary).order(ByteOrder.LITTLE_ENDIAN);
		ByteBuffer b = ByteBuffer.wrap(backup).order(ByteOrder.LITTLE_ENDIAN);
		byte[] entries = entries(p);
		byte[] backupEntries = entries(b);
		if (!Arrays.equals(entries, backupEntries)) {
			throw new ImageFormatException("primary and backup GPT partition entries differ");
		}
		if (!Arrays.equals(Arrays.copyOfRange(primary, 56, 72), Arrays.copyOfRange(backup, 56, 72))) {
			throw new ImageFormatException("primary and backup GPT disk GUIDs differ");
		}
		ByteBuffer e = ByteBuffer.wrap(entries).order(ByteOrder.LITTLE_ENDIAN);
		Gpt found = null;
		for (int i = 0; i < GptLayout.ENTRIES; i++) {
			int at = i * GptLayout.ENTRY_SIZE;
			UUID type = Guids.fromEfiBytes(entries, at);
			if (type.getMostSignificantBits() == 0 && type.getLeastSignificantBits() == 0) {
				continue;
			}
			if (!type.equals(GptWriter.ESP_TYPE) || found != null) {
				throw new ImageFormatException("GPT entry " + i + " is not the single EFI System Partition");
			}
			long first = e.getLong(at + 32);
			long lastLba = e.getLong(at + 40);
			if (first < p.getLong(40) || lastLba > p.getLong(48) || lastLba < first) {
				throw new ImageFormatException("EFI System Partition LBAs " + first + ".." + lastLba + " outside the usable range");
			}
			String name = new String(entries, at + 56, 72, StandardCharsets.UTF_16LE).replace("\0", "");
			found = new Gpt(Guids.fromEfiBytes(primary, 56), Guids.fromEfiBytes(entries, at + 16), first, lastLba, name);
		}
		if (found == null) {
			throw new ImageFormatException("GPT has no EFI System Partition");
		}
		return found;
	}

	/** Reads every file of the FAT32 volume in the partition: path ('/'-separated, long names) to contents. */
	public Map<String, byte[]> files(Gpt gpt) throws IOException {
		long base = gpt.firstLba() * SECTOR;
		ByteBuffer bpb = ByteBuffer.wrap(read(base, SECTOR)).order(ByteOrder.LITTLE_ENDIAN);
		int bytesPerSector = bpb.getShort(11) & 0xffff;
		int perCluster = bpb.get(13) & 0xff;
		int reserved = bpb.getShort(14) & 0xffff;
		int fats = bpb.get(16) & 0xff;
		long total = bpb.getInt(32) & 0xffff_ffffL;
		long fatSize = bpb.getInt(36) & 0xffff_ffffL;
		long rootCluster = bpb.getInt(44) & 0xffff_ffffL;
		if (bytesPerSector != SECTOR || perCluster == 0 || fats == 0 || fatSize == 0 || bpb.getShort(17) != 0
				|| (bpb.get(510) & 0xff) != 0x55 || (bpb.get(511) & 0xff) != 0xAA
				|| total > gpt.lastLba() - gpt.firstLba() + 1) {
			throw new ImageFormatException("EFI System Partition does not hold a FAT32 boot sector");
		}
		long clusters = (total - reserved - fats * fatSize) / perCluster;
		if (clusters < Fat32Writer.MIN_CLUSTERS) {
			throw new ImageFormatException("volume has " + clusters + " clusters, too few for FAT32");
		}
		Volume v = new Volume(base, reserved, fatSize, fats, perCluster, clusters);
		Map<String, byte[]> out = new LinkedHashMap<>();
		v.walk(rootCluster, "", out, 0);
		return out;
	}

	private final class Volume {
		final long base;
		final long fatOffset;
		final long dataOffset;
		final int clusterBytes;
		final long clusters;
		final ByteBuffer fat;

		Volume(long base, int reserved, long fatSize, int fats, int perCluster, long clusters) throws IOException {
			this.base = base;
			this.fatOffset = base + (long) reserved * SECTOR;
			this.dataOffset = fatOffset + fats * fatSize * SECTOR;
			this.clusterBytes = perCluster * SECTOR;
			this.clusters = clusters;
			if (fatSize * SECTOR > Integer.MAX_VALUE) {
				throw new ImageFormatException("FAT too large");
			}
			byte[] first = read(fatOffset, (int) (fatSize * SECTOR));
			for (int i = 1; i < fats; i++) {
				if (!Arrays.equals(first, read(fatOffset + i * fatSize * SECTOR, (int) (fatSize * SECTOR)))) {
					throw new ImageFormatException("FAT copies differ");
				}
			}
			this.fat = ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN);
		}

		byte[] chain(long first, long length) throws IOException {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			long c = first;
			long steps = 0;
			while (true) {
				if (c < 2 || c >= clusters + 2) {
					throw new ImageFormatException("cluster chain leaves the volume at cluster " + c);
				}
				out.writeBytes(read(dataOffset + (c - 2) * clusterBytes, clusterBytes));
				long next = fat.getInt((int) (c * 4)) & 0x0FFF_FFFFL;
				if (next >= 0x0FFF_FFF8L) {
					break;
				}
				if (++steps > clusters) {
					throw new ImageFormatException("cluster chain loops");
				}
				c = next;
			}
			byte[] all = out.toByteArray();
			if (length >= 0) {
				if (length > all.length) {
					throw new ImageFormatException("file size " + length + " larger than its clusters");
				}
				return Arrays.copyOf(all, (int) length);
			}
			return all;
		}

		void walk(long cluster, String prefix, Map<String, byte[]> out, int depth) throws IOException {
			if (depth > 8) {
				throw new ImageFormatException("directories nested too deeply");
			}
			byte[] dir = chain(cluster, -1);
			StringBuilder lfn = new StringBuilder();
			List<String> seen = new ArrayList<>();
			for (int at = 0; at + 32 <= dir.length; at += 32) {
				int first = dir[at] & 0xff;
				if (first == 0) {
					break;
				}
				if (first == 0xE5) {
					lfn.setLength(0);
					continue;
				}
				int attr = dir[at + 11] & 0xff;
				if (attr == 0x0F) {
					StringBuilder part = new StringBuilder();
					for (int off : new int[] { 1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30 }) {
						char ch = (char) ((dir[at + off] & 0xff) | (dir[at + off + 1] & 0xff) << 8);
						if (ch == 0 || ch == 0xFFFF) {
							break;
						}
						part.append(ch);
					}
					lfn.insert(0, part);
					continue;
				}
				if ((attr & 0x08) != 0) {
					lfn.setLength(0);
					continue;
				}
				String shortName = new String(dir, at, 8, StandardCharsets.US_ASCII).strip();
				String ext = new String(dir, at + 8, 3, StandardCharsets.US_ASCII).strip();
				String name = lfn.length() > 0 ? lfn.toString() : ext.isEmpty() ? shortName : shortName + "." + ext;
				lfn.setLength(0);
				if (name.equals(".") || name.equals("..")) {
					continue;
				}
				if (seen.contains(name.toUpperCase(java.util.Locale.ROOT))) {
					throw new ImageFormatException("duplicate directory entry " + prefix + name);
				}
				seen.add(name.toUpperCase(java.util.Locale.ROOT));
				ByteBuffer e = ByteBuffer.wrap(dir, at, 32).order(ByteOrder.LITTLE_ENDIAN);
				long start = (e.getShort(at + 20) & 0xffffL) << 16 | (e.getShort(at + 26) & 0xffffL);
				long length = e.getInt(at + 28) & 0xffff_ffffL;
				if ((attr & 0x10) != 0) {
					walk(start, prefix + name + "/", out, depth + 1);
				} else {
					out.put(prefix + name, length == 0 ? new byte[0] : chain(start, length));
				}
			}
		}
	}

	private byte[] header(long lba, long alternate) throws IOException {
		byte[] h = read(lba * SECTOR, SECTOR);
		ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
		String where = lba == 1 ? "primary" : "backup";
		if (!"EFI PART".equals(new String(h, 0, 8, StandardCharsets.US_ASCII)) || b.getInt(8) != 0x0001_0000
				|| b.getInt(12) != GptWriter.HEADER_SIZE) {
			throw new ImageFormatException(where + " GPT header missing or of an unknown revision");
		}
		int stored = b.getInt(16);
		byte[] copy = Arrays.copyOf(h, GptWriter.HEADER_SIZE);
		Arrays.fill(copy, 16, 20, (byte) 0);
		CRC32 crc = new CRC32();
		crc.update(copy);
		if ((int) crc.getValue() != stored) {
			throw new ImageFormatException(where + " GPT header CRC32 mismatch");
		}
		if (b.getLong(24) != lba || b.getLong(32) != alternate || b.getInt(80) != GptLayout.ENTRIES
				|| b.getInt(84) != GptLayout.ENTRY_SIZE) {
			throw new ImageFormatException(where + " GPT header fields are inconsistent");
		}
		return h;
	}

	private byte[] entries(ByteBuffer header) throws IOException {
		byte[] entries = read(header.getLong(72) * SECTOR, GptLayout.ENTRIES * GptLayout.ENTRY_SIZE);
		CRC32 crc = new CRC32();
		crc.update(entries);
		if ((int) crc.getValue() != header.getInt(88)) {
			throw new ImageFormatException("GPT partition entry array CRC32 mismatch (header at LBA " + header.getLong(24) + ")");
		}
		return entries;
	}

	private byte[] read(long offset, int length) throws IOException {
		if (offset < 0 || offset + length > size) {
			throw new ImageFormatException("read of " + length + " bytes at " + offset + " beyond the image");
		}
		ByteBuffer b = ByteBuffer.allocate(length);
		long pos = offset;
		while (b.hasRemaining()) {
			int n = channel.read(b, pos);
			if (n < 0) {
				throw new ImageFormatException("image truncated at " + pos);
			}
			pos += n;
		}
		return b.array();
	}
}
