// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.pe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a PE/COFF image (Microsoft PE format specification) that signing needs: section
 * table, the CheckSum field, the certificate table directory entry, and the Authenticode image
 * hash. Rejects anything malformed instead of guessing.
 */
public final class PeImage {

	/** One section header. */
	public record Section(String name, long virtualSize, long virtualAddress, long rawSize, long rawOffset) {
	}

	private final byte[] data;
	private final int checksumOffset;
	private final int certDirOffset;
	private final int sizeOfHeaders;
	private final List<Section> sections;

	private PeImage(byte[] data, int checksumOffset, int certDirOffset, int sizeOfHeaders, List<Section> sections) {
		this.data = data;
		this.checksumOffset = checksumOffset;
		this.certDirOffset = certDirOffset;
		this.sizeOfHeaders = sizeOfHeaders;
		this.sections = sections;
	}

	/** Parses {@code data} (not copied: the image views and patches this array). */
	public static PeImage parse(byte[] data) throws PeFormatException {
		ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
		if (data.length < 0x40 || b.getShort(0) != 0x5A4D) {
			throw new PeFormatException("no MZ header");
		}
		int pe = b.getInt(0x3C);
		if (pe < 0x40 || pe > data.length - 24 || b.getInt(pe) != 0x0000_4550) {
			throw new PeFormatException("no PE signature");
		}
		int sectionCount = b.getShort(pe + 6) & 0xffff;
		int optSize = b.getShort(pe + 20) & 0xffff;
		int opt = pe + 24;
		if (opt + optSize > data.length || optSize < 96) {
			throw new PeFormatException("optional header truncated");
		}
		int magic = b.getShort(opt) & 0xffff;
		int dirs;
		int rvaCountOffset;
		if (magic == 0x20B) {
			dirs = opt + 112;
			rvaCountOffset = opt + 108;
		} else if (magic == 0x10B) {
			dirs = opt + 96;
			rvaCountOffset = opt + 92;
		} else {
			throw new PeFormatException("unknown optional header magic 0x" + Integer.toHexString(magic));
		}
		if (b.getInt(rvaCountOffset) < 5 || dirs + 5 * 8 > opt + optSize) {
			throw new PeFormatException("no certificate table directory entry");
		}
		int sizeOfHeaders = b.getInt(opt + 60);
		int table = opt + optSize;
		if (table + sectionCount * 40L > data.length || sizeOfHeaders > data.length || sizeOfHeaders < table + sectionCount * 40) {
			throw new PeFormatException("section table truncated");
		}
		List<Section> sections = new ArrayList<>();
		for (int i = 0; i < sectionCount; i++) {
			int s = table + i * 40;
			String name = new String(data, s, 8, StandardCharsets.US_ASCII).replace("\0", "");
			Section sec = new Section(name, b.getInt(s + 8) & 0xffff_ffffL, b.getInt(s + 12) & 0xffff_ffffL,
					b.getInt(s + 16) & 0xffff_ffffL, b.getInt(s + 20) & 0xffff_ffffL);
			if (sec.rawSize() > 0 && sec.rawOffset() + sec.rawSize() > data.length) {
				throw new PeFormatException("section " + name + " extends beyond the file");
			}
			sections.add(sec);
		}
		return new PeImage(data, opt + 64, dirs + 4 * 8, sizeOfHeaders, List.copyOf(sections));
	}

	/** The image bytes (live, not a copy). */
	public byte[] bytes() {
		return data;
	}

	/** All section headers in table order. */
	public List<Section> sections() {
		return sections;
	}

	/** The section named {@code name}, if there is exactly one. */
	public Optional<Section> section(String name) throws PeFormatException {
		List<Section> found = sections.stream().filter(s -> s.name().equals(name)).toList();
		if (found.size() > 1) {
			throw new PeFormatException("more than one " + name + " section");
		}
		return found.stream().findFirst();
	}

	/** File offset of the certificate table, 0 if unsigned. */
	public long certificateTableOffset() {
		return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(certDirOffset) & 0xffff_ffffL;
	}

	/** Size of the certificate table, 0 if unsigned. */
	public long certificateTableSize() {
		return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(certDirOffset + 4) & 0xffff_ffffL;
	}

	/** The stored PE CheckSum field. */
	public long storedChecksum() {
		return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(checksumOffset) & 0xffff_ffffL;
	}

	void setCertificateTable(long offset, long size) {
		ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(certDirOffset, (int) offset);
		b.putInt(certDirOffset + 4, (int) size);
	}

	void setChecksum(long checksum) {
		ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(checksumOffset, (int) checksum);
	}

	/**
	 * The Authenticode image hash ("Windows Authenticode Portable Executable Signature Format",
	 * "Calculating the PE Image Hash"): headers without CheckSum and the certificate table entry,
	 * sections by file offset, then any data after the last section except the certificate table.
	 */
	public byte[] authenticodeDigest(String algorithm) throws PeFormatException {
		MessageDigest md;
		try {
			md = MessageDigest.getInstance(algorithm);
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		md.update(data, 0, checksumOffset);
		md.update(data, checksumOffset + 4, certDirOffset - checksumOffset - 4);
		md.update(data, certDirOffset + 8, sizeOfHeaders - certDirOffset - 8);
		long hashed = sizeOfHeaders;
		List<Section> ordered = new ArrayList<>(sections.stream().filter(s -> s.rawSize() > 0).toList());
		ordered.sort(Comparator.comparingLong(Section::rawOffset));
		for (Section s : ordered) {
			md.update(data, (int) s.rawOffset(), (int) s.rawSize());
			hashed = Math.max(hashed, s.rawOffset() + s.rawSize());
		}
		long certOffset = certificateTableOffset();
		long certSize = certificateTableSize();
		long end = certSize == 0 ? data.length : certOffset;
		if (certSize != 0 && (certOffset < hashed || certOffset + certSize != data.length)) {
			throw new PeFormatException("certificate table is not at the end of the file");
		}
		if (end > hashed) {
			md.update(data, (int) hashed, (int) (end - hashed));
		}
		return md.digest();
	}

	/** The PE checksum of the image as it is (CheckSum field taken as zero). */
	public long computeChecksum() {
		long sum = 0;
		int n = data.length & ~1;
		for (int i = 0; i < n; i += 2) {
			if (i == checksumOffset || i == checksumOffset + 2) {
				continue;
			}
			sum += (data[i] & 0xff) | (data[i + 1] & 0xff) << 8;
			sum = (sum & 0xffff) + (sum >>> 16);
		}
		if ((data.length & 1) != 0) {
			sum += data[data.length - 1] & 0xff;
			sum = (sum & 0xffff) + (sum >>> 16);
		}
		sum = (sum & 0xffff) + (sum >>> 16);
		return (sum & 0xffff) + data.length;
	}
}
