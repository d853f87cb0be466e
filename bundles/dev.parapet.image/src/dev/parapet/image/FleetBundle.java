// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.apache.commons.io.output.CloseShieldOutputStream;

import dev.parapet.image.internal.manifest.JsonStrings;

/**
 * The fleet bundle: a POSIX tar, gzip-compressed (Commons Compress; gzip needs no extra library),
 * holding {@code fleet-manifest.json} first and then every {@code <device>.img} in device order.
 * Entries carry SOURCE_DATE_EPOCH as mtime, owner 0/0 and mode 0644, so the same images give the
 * same bundle. Written atomically.
 */
public final class FleetBundle {

	/** Name of the fleet manifest inside the bundle. */
	public static final String MANIFEST = "fleet-manifest.json";

	private FleetBundle() {
	}

	/** Writes {@code target} from the images already on disk. */
	public static void write(Path target, String fleet, long sourceDateEpoch, List<FleetBake.Image> images) throws IOException {
		byte[] manifest = manifest(fleet, sourceDateEpoch, images);
		AtomicFiles.write(target, ch -> {
			// the channel stays open: AtomicFiles forces it to disk after this returns
			OutputStream raw = CloseShieldOutputStream.wrap(Channels.newOutputStream(ch));
			GzipParameters gz = new GzipParameters();
			gz.setModificationTime(sourceDateEpoch * 1000);
			gz.setCompressionLevel(1);
			try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(raw, gz))) {
				tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
				tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
				tar.putArchiveEntry(entry(MANIFEST, manifest.length, sourceDateEpoch));
				tar.write(manifest);
				tar.closeArchiveEntry();
				for (FleetBake.Image img : images) {
					tar.putArchiveEntry(entry(img.file().getFileName().toString(), Files.size(img.file()), sourceDateEpoch));
					try (InputStream in = Files.newInputStream(img.file())) {
						in.transferTo(tar);
					}
					tar.closeArchiveEntry();
				}
				tar.finish();
			}
		});
	}

	private static TarArchiveEntry entry(String name, long size, long sourceDateEpoch) {
		TarArchiveEntry e = new TarArchiveEntry(name);
		e.setSize(size);
		e.setModTime(Date.from(Instant.ofEpochSecond(sourceDateEpoch)));
		e.setMode(0100644);
		e.setUserId(0);
		e.setGroupId(0);
		e.setUserName("");
		e.setGroupName("");
		return e;
	}

	private static byte[] manifest(String fleet, long sourceDateEpoch, List<FleetBake.Image> images) {
		StringBuilder j = new StringBuilder("{\n  \"fleet\": ").append(JsonStrings.quote(fleet)).append(",\n  \"created\": ")
				.append(JsonStrings.quote(Instant.ofEpochSecond(sourceDateEpoch).toString())).append(",\n  \"images\": [\n");
		for (int i = 0; i < images.size(); i++) {
			FleetBake.Image img = images.get(i);
			j.append("    {\"device\": ").append(JsonStrings.quote(img.device())).append(", \"file\": ")
					.append(JsonStrings.quote(img.file().getFileName().toString())).append(", \"size\": ").append(img.size())
					.append(", \"sha256\": ").append(JsonStrings.quote(img.sha256())).append(i == images.size() - 1 ? "}\n" : "},\n");
		}
		return j.append("  ]\n}\n").toString().getBytes(StandardCharsets.UTF_8);
	}
}
