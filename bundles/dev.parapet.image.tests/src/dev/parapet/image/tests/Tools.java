// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the independent peers (sfdisk, fsck.vfat, mtools, sbverify, openssl, python3...) tests check against. */
final class Tools {

	/** Exit code and combined output of one run. */
	record Result(int exit, String output) {
	}

	private Tools() {
	}

	static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
		if (dir != null) {
			pb.directory(dir.toFile());
		}
		pb.environment().put("MTOOLS_SKIP_CHECK", "1");
		Process p = pb.start();
		p.getOutputStream().close();
		byte[] out = p.getInputStream().readAllBytes();
		if (!p.waitFor(300, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IOException("timed out: " + command);
		}
		return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
	}

	/** Runs and asserts exit code 0, returning the output. */
	static String ok(String... command) throws IOException, InterruptedException {
		Result r = run(null, List.of(command));
		assertEquals(0, r.exit(), () -> String.join(" ", command) + " failed:\n" + r.output());
		return r.output();
	}

	/** The test resources folder (scripts, gnu-efi sources). */
	static Path resources() {
		return Path.of(System.getProperty("parapet.image.tests.resources", "resources"));
	}
}
