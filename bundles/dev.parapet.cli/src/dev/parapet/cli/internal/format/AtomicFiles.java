// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/** Replaces a file's content all at once: readers see the old or the new file, never a partial one. */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	/**
	 * Writes {@code text} to a temporary file in the target's folder, syncs it, keeps the target's
	 * permissions and renames it over the target (following a symbolic link to the real file).
	 *
	 * @param target the file to replace
	 * @param text   its new content, written as UTF-8
	 * @throws IOException when the file cannot be written; the target is then unchanged
	 */
	public static void replace(Path target, String text) throws IOException {
		Path real = target.toRealPath();
		Path temporary = Files.createTempFile(real.getParent(), "." + real.getFileName() + ".", ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(true);
			}
			PosixFileAttributeView permissions = Files.getFileAttributeView(real, PosixFileAttributeView.class);
			if (permissions != null) {
				Files.setPosixFilePermissions(temporary, permissions.readAttributes().permissions());
			}
			Files.move(temporary, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}
}
