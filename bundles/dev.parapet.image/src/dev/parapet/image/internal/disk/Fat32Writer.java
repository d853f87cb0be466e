// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.disk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a FAT32 file system (Microsoft FAT specification 1.03) holding a fixed set of files:
 * boot sector with BPB, FSInfo, backup boot sector and FSInfo, two FATs, directories with 8.3 and
 * long-name entries. One sector per cluster; files and directories are contiguous. All timestamps
 * are one fixed time, so the same inputs give the same bytes.
 */
public final class Fat32Writer {

	/** Fewest clusters a volume must have to be FAT32 by the specification's rule. */
	public static final long MIN_CLUSTERS = 65_525;
	static final int RESERVED = 32;
	static final int FATS = 2;
	private static final int SECTOR = 512;
	private static final int ENTRY = 32;
	private static final int EOC = 0x0FFF_FFFF;
	private static final int ATTR_DIR = 0x10;
	private static final int ATTR_ARCHIVE = 0x20;
	private static final int ATTR_LABEL = 0x08;
	private static final int ATTR_LFN = 0x0F;

	private final long sectors;
	private final int volumeId;
	private final String label;
	private final DosTime time;

	/**
	 * @param sectors      volume size in sectors
	 * @param volumeId     volume serial number
	 * @param label        volume label, at most 11 upper-case characters
	 * @param epochSeconds the time stamped on every entry (SOURCE_DATE_EPOCH)
	 */
	public Fat32Writer(long sectors, int volumeId, String label, long epochSeconds) {
		this.sectors = sectors;
		this.volumeId = volumeId;
		this.label = label;
		this.time = DosTime.of(epochSeconds);
	}

	/** The smallest volume (in sectors) that is FAT32 and holds files of these sizes. */
	public static long sectorsFor(Map<String, byte[]> files) {
		long clusters = 64;
		for (Map.Entry<String, byte[]> f : files.entrySet()) {
			clusters += (f.getValue().length + SECTOR - 1) / SECTOR + f.getKey().length() / 4 + 4;
		}
		clusters = Math.max(clusters, MIN_CLUSTERS + 11);
		long fat = fatSectors(clusters);
		return RESERVED + FATS * fat + clusters;
	}

	/**
	 * Writes the volume into {@code image} at byte {@code offset}; {@code hiddenSectors} is the
	 * partition's first LBA. {@code files} maps '/'-separated paths to contents.
	 */
	public void write(SparseImage image, long offset, long hiddenSectors, Map<String, byte[]> files) {
		long fat = fatSize();
		long clusters = sectors - RESERVED - FATS * fat;
		if (clusters < MIN_CLUSTERS) {
			throw new IllegalArgumentException("volume of " + sectors + " sectors has " + clusters + " clusters, FAT32 needs " + MIN_CLUSTERS);
		}
		Dir root = tree(files);
		List<Dir> dirs = new ArrayList<>();
		List<FileNode> fileNodes = new ArrayList<>();
		Deque<Dir> queue = new ArrayDeque<>(List.of(root));
		while (!queue.isEmpty()) {
			Dir d = queue.removeFirst();
			dirs.add(d);
			for (Node n : d.children.values()) {
				if (n instanceof Dir sub) {
					queue.addLast(sub);
				} else {
					fileNodes.add((FileNode) n);
				}
			}
		}
		long next = 2;
		for (Dir d : dirs) {
			d.cluster = next;
			d.clusterCount = Math.max(1, (d.entryCount() * ENTRY + SECTOR - 1) / SECTOR);
			next += d.clusterCount;
		}
		for (FileNode f : fileNodes) {
			long n = (f.data.length + SECTOR - 1) / SECTOR;
			f.cluster = n == 0 ? 0 : next;
			next += n;
		}
		long used = next - 2;
		if (used > clusters) {
			throw new IllegalArgumentException("files need " + used + " clusters, volume has " + clusters);
		}
		int[] table = new int[(int) next];
		table[0] = 0x0FFF_FFF8;
		table[1] = EOC;
		for (Dir d : dirs) {
			chain(table, d.cluster, d.clusterCount);
		}
		for (FileNode f : fileNodes) {
			chain(table, f.cluster, (f.data.length + SECTOR - 1) / SECTOR);
		}
		byte[] boot = bootSector(hiddenSectors, fat);
		byte[] info = fsInfo(clusters - used, next);
		image.put(offset, boot);
		image.put(offset + SECTOR, info);
		image.put(offset + 6L * SECTOR, boot);
		image.put(offset + 7L * SECTOR, info);
		ByteBuffer fatBytes = ByteBuffer.allocate(table.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		fatBytes.asIntBuffer().put(table);
		for (int i = 0; i < FATS; i++) {
			image.put(offset + (RESERVED + i * fat) * SECTOR, fatBytes.array());
		}
		long data = offset + (RESERVED + FATS * fat) * SECTOR;
		for (Dir d : dirs) {
			image.put(data + (d.cluster - 2) * SECTOR, d.encode(this));
		}
		for (FileNode f : fileNodes) {
			if (f.data.length > 0) {
				image.put(data + (f.cluster - 2) * SECTOR, f.data);
			}
		}
	}

	private long fatSize() {
		// Microsoft's formula for FAT32 with one sector per cluster: (sectors - reserved) / ((256 + FATS) / 2)
		long tmp2 = (256L + FATS) / 2;
		return (sectors - RESERVED + tmp2 - 1) / tmp2;
	}

	private static long fatSectors(long clusters) {
		return ((clusters + 2) * 4 + SECTOR - 1) / SECTOR;
	}

	private static void chain(int[] table, long first, long count) {
		for (long c = first; c < first + count; c++) {
			table[(int) c] = c == first + count - 1 ? EOC : (int) (c + 1);
		}
	}

	private byte[] bootSector(long hiddenSectors, long fat) {
		ByteBuffer b = ByteBuffer.allocate(SECTOR).order(ByteOrder.LITTLE_ENDIAN);
		b.put(new byte[] { (byte) 0xEB, 0x58, (byte) 0x90 });
		b.put("PARAPET ".getBytes(StandardCharsets.US_ASCII));
		b.putShort((short) SECTOR);
		b.put((byte) 1);
		b.putShort((short) RESERVED);
		b.put((byte) FATS);
		b.putShort((short) 0);
		b.putShort((short) 0);
		b.put((byte) 0xF8);
		b.putShort((short) 0);
		b.putShort((short) 63);
		b.putShort((short) 255);
		b.putInt((int) hiddenSectors);
		b.putInt((int) sectors);
		b.putInt((int) fat);
		b.putShort((short) 0);
		b.putShort((short) 0);
		b.putInt(2);
		b.putShort((short) 1);
		b.putShort((short) 6);
		b.position(64);
		b.put((byte) 0x80);
		b.put((byte) 0);
		b.put((byte) 0x29);
		b.putInt(volumeId);
		b.put(labelBytes());
		b.put("FAT32   ".getBytes(StandardCharsets.US_ASCII));
		// not bootable by BIOS: the boot code halts (int 18h asks the firmware for the next device)
		b.put(new byte[] { (byte) 0xCD, 0x18, (byte) 0xF4, (byte) 0xEB, (byte) 0xFD });
		b.position(510);
		b.put((byte) 0x55).put((byte) 0xAA);
		return b.array();
	}

	private static byte[] fsInfo(long free, long nextFree) {
		ByteBuffer b = ByteBuffer.allocate(SECTOR).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0, 0x4161_5252);
		b.putInt(484, 0x6141_7272);
		b.putInt(488, (int) free);
		b.putInt(492, (int) nextFree);
		b.putInt(508, 0xAA55_0000);
		return b.array();
	}

	private byte[] labelBytes() {
		return String.format("%-11s", label).getBytes(StandardCharsets.US_ASCII);
	}

	private static Dir tree(Map<String, byte[]> files) {
		Dir root = new Dir("", null);
		for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
			String[] parts = f.getKey().split("/");
			Dir d = root;
			for (int i = 0; i < parts.length - 1; i++) {
				Node n = d.children.get(parts[i].toUpperCase(Locale.ROOT));
				if (n == null) {
					n = new Dir(parts[i], d);
					d.children.put(parts[i].toUpperCase(Locale.ROOT), n);
				} else if (!(n instanceof Dir)) {
					throw new IllegalArgumentException("path uses a file as a directory: " + f.getKey());
				}
				d = (Dir) n;
			}
			String name = parts[parts.length - 1];
			if (name.isEmpty() || d.children.put(name.toUpperCase(Locale.ROOT), new FileNode(name, f.getValue())) != null) {
				throw new IllegalArgumentException("duplicate or empty path: " + f.getKey());
			}
		}
		return root;
	}

	private abstract static sealed class Node permits Dir, FileNode {
		final String name;
		long cluster;

		Node(String name) {
			this.name = name;
		}

		int lfnEntries() {
			return ShortNames.isPlain(name) ? 0 : (name.length() + 12) / 13;
		}
	}

	private static final class FileNode extends Node {
		final byte[] data;

		FileNode(String name, byte[] data) {
			super(name);
			this.data = data;
		}
	}

	private static final class Dir extends Node {
		final Dir parent;
		final Map<String, Node> children = new TreeMap<>();
		long clusterCount;

		Dir(String name, Dir parent) {
			super(name);
			this.parent = parent;
		}

		int entryCount() {
			int n = 2; // "." and "..", or the volume label in the root
			for (Node c : children.values()) {
				n += 1 + c.lfnEntries();
			}
			return n;
		}

		byte[] encode(Fat32Writer w) {
			ByteBuffer b = ByteBuffer.allocate((int) clusterCount * SECTOR).order(ByteOrder.LITTLE_ENDIAN);
			Set<String> taken = new HashSet<>();
			if (parent == null) {
				w.entry(b, w.labelBytes(), ATTR_LABEL, 0, 0);
			} else {
				w.entry(b, ".          ".getBytes(StandardCharsets.US_ASCII), ATTR_DIR, cluster, 0);
				w.entry(b, "..         ".getBytes(StandardCharsets.US_ASCII), ATTR_DIR, parent.parent == null ? 0 : parent.cluster, 0);
			}
			for (Node c : children.values()) {
				byte[] shortName = ShortNames.shortName(c.name, taken);
				if (!ShortNames.isPlain(c.name)) {
					longName(b, c.name, ShortNames.checksum(shortName));
				}
				if (c instanceof FileNode f) {
					w.entry(b, shortName, ATTR_ARCHIVE, f.cluster, f.data.length);
				} else {
					w.entry(b, shortName, ATTR_DIR, c.cluster, 0);
				}
			}
			return b.array();
		}
	}

	private void entry(ByteBuffer b, byte[] name11, int attr, long cluster, long size) {
		int start = b.position();
		b.put(name11, 0, 11);
		b.put((byte) attr);
		b.put((byte) 0);
		b.put((byte) time.tenths());
		b.putShort((short) time.time());
		b.putShort((short) time.date());
		b.putShort((short) time.date());
		b.putShort((short) (cluster >>> 16));
		b.putShort((short) time.time());
		b.putShort((short) time.date());
		b.putShort((short) cluster);
		b.putInt((int) size);
		b.position(start + ENTRY);
	}

	private static void longName(ByteBuffer b, String name, int checksum) {
		char[] chars = name.toCharArray();
		int count = (chars.length + 12) / 13;
		for (int ord = count; ord >= 1; ord--) {
			int start = b.position();
			b.put((byte) (ord == count ? ord | 0x40 : ord));
			int base = (ord - 1) * 13;
			for (int i = 0; i < 13; i++) {
				if (i == 5) {
					b.put((byte) ATTR_LFN).put((byte) 0).put((byte) checksum);
				} else if (i == 11) {
					b.putShort((short) 0);
				}
				int k = base + i;
				b.putShort(k < chars.length ? (short) chars[k] : k == chars.length ? 0 : (short) 0xFFFF);
			}
			b.position(start + ENTRY);
		}
	}
}
