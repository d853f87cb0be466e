// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

import dev.parapet.image.internal.disk.SparseImage;

/**
 * A baked device image in memory, ready to be written. Holds only public and signed material: the
 * storage keys exist only inside their envelopes.
 */
public final class BakedImage {

	private final String device;
	private final SparseImage image;
	private final Map<String, byte[]> files;
	private final byte[] manifest;

	BakedImage(String device, SparseImage image, Map<String, byte[]> files, byte[] manifest) {
		this.device = device;
		this.image = image;
		this.files = files;
		this.manifest = manifest;
	}

	/** The device id. */
	public String device() {
		return device;
	}

	/** Disk size in bytes. */
	public long sizeBytes() {
		return image.size();
	}

	/** The ESP's files ('/'-separated paths) and contents. */
	public Map<String, byte[]> files() {
		return files;
	}

	/** The canonical manifest that {@code manifest.p7s} signs. */
	public byte[] manifest() {
		return manifest.clone();
	}

	/** SHA-256 of the whole disk image. */
	public byte[] sha256() {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			image.digest(md);
			return md.digest();
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Writes the disk to an empty channel (holes stay sparse). */
	public void writeTo(FileChannel channel) throws IOException {
		image.writeTo(channel);
	}

	SparseImage sparse() {
		return image;
	}
}
