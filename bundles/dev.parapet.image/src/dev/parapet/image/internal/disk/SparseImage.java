// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A disk image held as its non-zero extents plus a total size. Boot images are mostly empty
 * (FAT32 needs at least 65,525 clusters), so only the extents are written; the rest stays a hole
 * in a freshly created file and reads back as zeros.
 */
public final class SparseImage {

	private static final byte[] ZEROS = new byte[1 << 16];

	/** One written range. */
	public record Extent(long offset, byte[] data) {
	}

	private final long size;
	private final List<Extent> extents = new ArrayList<>();
	private boolean sorted = true;

	/** An empty image of {@code size} bytes. */
	public SparseImage(long size) {
		this.size = size;
	}

	/** Image size in bytes. */
	public long size() {
		return size;
	}

	/** Places {@code data} at {@code offset}; extents must not overlap. */
	public void put(long offset, byte[] data) {
		if (offset < 0 || offset + data.length > size) {
			throw new IllegalArgumentException("extent [" + offset + ", " + (offset + data.length)
					+ ") outside image of " + size + " bytes");
		}
		if (!extents.isEmpty() && extents.get(extents.size() - 1).offset() > offset) {
			sorted = false;
		}
		extents.add(new Extent(offset, data));
	}

	/** Extents in offset order; fails on overlaps (a writer bug, never user input). */
	public List<Extent> extents() {
		if (!sorted) {
			extents.sort(Comparator.comparingLong(Extent::offset));
			sorted = true;
		}
		long end = 0;
		for (Extent e : extents) {
			if (e.offset() < end) {
				throw new IllegalStateException("overlapping extents at " + e.offset());
			}
			end = e.offset() + e.data().length;
		}
		return Collections.unmodifiableList(extents);
	}

	/** Writes all extents to a new, empty channel and sets its length. */
	public void writeTo(FileChannel channel) throws IOException {
		for (Extent e : extents()) {
			ByteBuffer b = ByteBuffer.wrap(e.data());
			long pos = e.offset();
			while (b.hasRemaining()) {
				pos += channel.write(b, pos);
			}
		}
		if (channel.size() < size) {
			// a final zero byte fixes the length without allocating the hole
			channel.write(ByteBuffer.allocate(1), size - 1);
		}
	}

	/** Feeds the whole image, holes included, to {@code digest}. */
	public void digest(MessageDigest digest) {
		long pos = 0;
		for (Extent e : extents()) {
			pos = zeros(digest, pos, e.offset());
			digest.update(e.data());
			pos = e.offset() + e.data().length;
		}
		zeros(digest, pos, size);
	}

	/** The whole image as one array (tests and small images only). */
	public byte[] toByteArray() {
		if (size > Integer.MAX_VALUE - 8) {
			throw new IllegalStateException("image too large for an array: " + size);
		}
		byte[] all = new byte[(int) size];
		for (Extent e : extents()) {
			System.arraycopy(e.data(), 0, all, (int) e.offset(), e.data().length);
		}
		return all;
	}

	private static long zeros(MessageDigest digest, long from, long to) {
		long n = to - from;
		while (n > 0) {
			int k = (int) Math.min(n, ZEROS.length);
			digest.update(ZEROS, 0, k);
			n -= k;
		}
		return to;
	}
}
