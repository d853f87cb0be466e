// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's launcher script (features/dev.parapet.feature/rootfiles/parapet), run by sh in a
 * product-shaped folder with a stand-in {@code java} that prints the arguments it receives.
 */
class LauncherScriptTest {

	@TempDir
	Path product;

	private Path java;

	@BeforeEach
	void productWithTwoVersionsOfALibrary() throws IOException {
		Files.copy(TestData.root().resolve("../../../features/dev.parapet.feature/rootfiles/parapet"),
				product.resolve("parapet"));
		Path plugins = Files.createDirectories(product.resolve("plugins"));
		for (String jar : List.of("bcprov_1.84.0.jar", "bcprov_1.86.0.jar", "dev.parapet.cli_0.1.0.202611220100.jar",
				"com.google.guava_33.5.0.jre.jar", "org.eclipse.swt.gtk.linux.x86_64_3.134.0.v20260515-1429.jar",
				"org.eclipse.swt_3.134.0.v20260515-1429.jar")) {
			Files.createFile(plugins.resolve(jar));
		}
		Files.createDirectories(plugins.resolve("org.eclipse.equinox.launcher.gtk.linux.x86_64_1.2.1600.v20260804-1928"));
		java = fakeJava("21.0.4");
	}

	@Test
	void theCommandLineGetsOneJarPerBundleTheNewestAndParapetsOwnFirst() throws Exception {
		List<String> args = run(java, "check", "fleet");
		String[] classpath = args.get(args.indexOf("-cp") + 1).split(":");
		List<String> jars = Arrays.stream(classpath).map(path -> Path.of(path).getFileName().toString()).toList();
		assertEquals(List.of("dev.parapet.cli_0.1.0.202611220100.jar", "bcprov_1.86.0.jar", "com.google.guava_33.5.0.jre.jar",
				"org.eclipse.swt.gtk.linux.x86_64_3.134.0.v20260515-1429.jar", "org.eclipse.swt_3.134.0.v20260515-1429.jar"),
				jars);
		assertEquals(List.of("dev.parapet.cli.Main", "check", "fleet"), args.subList(args.size() - 3, args.size()));
	}

	@Test
	void shortVerbsRunWithC1OnlyAndTheLanguageServerWithTheFullJit() throws Exception {
		assertTrue(run(java, "check", "fleet").contains("-XX:TieredStopAtLevel=1"));
		assertFalse(run(java, "lsp").contains("-XX:TieredStopAtLevel=1"));
	}

	@Test
	void aParapetJavaHomeOlderThan21IsRefusedWithExitTwo() throws Exception {
		Process process = start(fakeJava("17.0.12"), "--version");
		assertEquals(2, process.waitFor());
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(err.contains("is Java 17; Parapet needs Java 21 or newer"), err);
	}

	private Path fakeJava(String version) throws IOException {
		Path home = Files.createDirectories(product.resolve("jdk-" + version));
		Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n", StandardCharsets.UTF_8);
		Path bin = Files.createDirectories(home.resolve("bin"));
		Path executable = bin.resolve("java");
		Files.writeString(executable, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n", StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
		return home;
	}

	private List<String> run(Path javaHome, String... args) throws Exception {
		Process process = start(javaHome, args);
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.waitFor(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
		return out.lines().toList();
	}

	private Process start(Path javaHome, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("sh", product.resolve("parapet").toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("PARAPET_JAVA_HOME", javaHome.toString());
		Process process = builder.start();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("the launcher did not finish");
		}
		return process;
	}
}
