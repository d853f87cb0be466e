// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.parapet.cli.Main;

/**
 * {@code parapet diff} and {@code parapet git-setup} through the CLI's public entry point. Git
 * repositories are made with the git binary (an independent peer of JGit, which reads them).
 */
class DiffCommandTest {

	@TempDir
	Path repository;

	record Run(int exit, String out, String err) {
	}

	private static Run parapet(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static Path pair(String suffix) throws Exception {
		return Corpus.pairs().stream().filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
	}

	private void git(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=test", "-c", "user.email=test@parapet.dev",
				"-c", "commit.gpgsign=false"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.waitFor(), String.join(" ", args) + ": " + output);
	}

	private String gitOutput(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("git"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(repository.toFile()).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output.trim();
	}

	/** A repository whose fleet/ folder holds the pair's before side at HEAD~1 and after side at HEAD. */
	private void commitPair(Path pair) throws Exception {
		Files.createDirectories(repository.resolve("fleet"));
		git("init", "-q", "-b", "main");
		Files.copy(pair.resolve("before.parapet"), repository.resolve("fleet/acme.parapet"));
		Files.writeString(repository.resolve("README"), "not policy\n");
		git("add", ".");
		git("commit", "-q", "-m", "before");
		Files.copy(pair.resolve("after.parapet"), repository.resolve("fleet/acme.parapet"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		git("commit", "-q", "-a", "-m", "after");
	}

	@Test
	void failOnWidensExitsThreeWhenAChangeWidens() throws Exception {
		Path pair = pair("usb-default-read-only-to-allow");
		Run run = parapet("diff", "--fail-on", "widens", pair.resolve("before.parapet").toString(),
				pair.resolve("after.parapet").toString());
		assertEquals(3, run.exit(), run.err());
		assertTrue(run.out().contains("WIDENS   usb default (changed): unmatched devices read-only -> allow"), run.out());
	}

	@Test
	void failOnWidensPassesWhenChangesOnlyNarrow() throws Exception {
		Path pair = pair("usb-default-read-only-to-deny");
		Run run = parapet("diff", "--fail-on", "widens", pair.resolve("before.parapet").toString(),
				pair.resolve("after.parapet").toString());
		assertEquals(0, run.exit(), run.err());
		assertTrue(run.out().contains("NARROWS"), run.out());
	}

	@Test
	void twoGitRevisionsAreComparedWithoutACheckout() throws Exception {
		commitPair(pair("bypass-added"));
		Files.writeString(repository.resolve("fleet/acme.parapet"), "this is not policy\n");
		Run run = parapet("diff", "-C", repository.toString(), "--json", "HEAD~1", "HEAD", "--", "fleet");
		assertEquals(0, run.exit(), run.err());
		JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
		assertEquals(3, json.getAsJsonObject("summary").get("widens").getAsInt(), run.out());
		JsonObject change = json.getAsJsonArray("changes").get(0).getAsJsonObject();
		assertEquals("fleet/acme.parapet", change.getAsJsonObject("after").get("path").getAsString());
	}

	@Test
	void aRevisionIsComparedWithTheWorkTree() throws Exception {
		commitPair(pair("pin-min-length-8-to-6"));
		Files.copy(pair("pin-min-length-8-to-6").resolve("before.parapet"), repository.resolve("fleet/acme.parapet"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Run run = parapet("diff", "-C", repository.toString(), "--format", "markdown", "HEAD", "--", "fleet");
		assertEquals(0, run.exit(), run.err());
		assertTrue(run.out().contains("NARROWS") && run.out().contains("pin-length 6..12 -> 8..12"), run.out());
	}

	@Test
	void anUnknownRevisionIsAUsageError() throws Exception {
		commitPair(pair("log-debug"));
		Run run = parapet("diff", "-C", repository.toString(), "no-such-rev", "HEAD");
		assertEquals(2, run.exit());
		assertTrue(run.err().contains("no-such-rev: neither a file, a folder nor a git revision"), run.err());
	}

	@Test
	void aVersionThatDoesNotParseIsReportedWithFileAndLine() throws Exception {
		Path broken = repository.resolve("broken.parapet");
		Files.writeString(broken, "device d {\n  usb { default sometimes }\n}\n");
		Path pair = pair("log-debug");
		Run run = parapet("diff", pair.resolve("before.parapet").toString(), broken.toString());
		assertEquals(1, run.exit());
		assertTrue(run.err().contains("broken.parapet:2:"), run.err());
	}

	@Test
	void gitSetupConfiguresDifftoolTextconvAndAttributes() throws Exception {
		commitPair(pair("log-debug"));
		Run run = parapet("git-setup", "-C", repository.toString());
		assertEquals(0, run.exit(), run.err());
		assertEquals("parapet diff --textconv", gitOutput("config", "--get", "diff.parapet.textconv"));
		assertEquals("parapet diff \"$LOCAL\" \"$REMOTE\"", gitOutput("config", "--get", "difftool.parapet.cmd"));
		assertEquals("parapet", gitOutput("check-attr", "diff", "fleet/acme.parapet").replaceAll(".*: diff: ", ""));
		assertEquals(0, parapet("git-setup", "-C", repository.toString()).exit());
		assertEquals(1, Files.readAllLines(repository.resolve(".gitattributes")).stream()
				.filter(l -> l.equals("*.parapet diff=parapet")).count());
	}

	@Test
	void textconvPrintsEffectivePoliciesSoLayoutChangesVanish() throws Exception {
		Path pair = pair("comments-and-layout-only");
		Run before = parapet("diff", "--textconv", pair.resolve("before.parapet").toString());
		Run after = parapet("diff", "--textconv", pair.resolve("after.parapet").toString());
		assertEquals(0, before.exit(), before.err());
		assertEquals(before.out(), after.out());
		assertTrue(before.out().contains("device laptop-001: usb default read-only"), before.out());
	}
}
