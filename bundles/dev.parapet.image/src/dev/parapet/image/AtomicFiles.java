// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Output files appear whole or not at all: content goes to a hidden temporary file in the target's
 * folder, is forced to disk, and is renamed over the target atomically. A failure deletes the
 * temporary file; so does a JVM shutdown (Ctrl-C) while a write is in progress.
 */
public final class AtomicFiles {

	/** Writes a file's content into an empty channel. */
	@FunctionalInterface
	public interface Content {
		/** Writes everything. */
		void writeTo(FileChannel channel) throws IOException;
	}

	private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			for (Path p : IN_PROGRESS) {
				try {
					Files.deleteIfExists(p);
				} catch (IOException e) {
					// the JVM is going down; nothing better to do than leave a hidden .part file
				}
			}
		}, "parapet-atomic-files-cleanup"));
	}

	private AtomicFiles() {
	}

	/** Writes {@code target} atomically, readable by everyone (public and signed material). */
	public static void write(Path target, Content content) throws IOException {
		write(target, content, "rw-r--r--");
	}

	/** Writes {@code target} atomically, readable by its owner only (sealed key material). */
	public static void writePrivate(Path target, Content content) throws IOException {
		write(target, content, "rw-------");
	}

	private static void write(Path target, Content content, String permissions) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
		IN_PROGRESS.add(temp);
		boolean done = false;
		try {
			try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
				content.writeTo(ch);
				ch.force(true);
			}
			Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(permissions));
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			done = true;
		} finally {
			if (!done) {
				Files.deleteIfExists(temp);
			}
			IN_PROGRESS.remove(temp);
		}
	}
}
