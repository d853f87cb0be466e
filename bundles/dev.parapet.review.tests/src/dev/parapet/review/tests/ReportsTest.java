// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.parapet.review.FleetDiff;
import dev.parapet.review.report.ReportFormat;

/**
 * Reports: golden files for every format (a missing golden file is written and the test fails, so a
 * new format is reviewed once), and SARIF checked against the official 2.1.0 schema by an independent
 * validator (Python's jsonschema).
 */
class ReportsTest {

	/** Debian's python3 (with python3-jsonschema from releng/install-packages.sh) before any other on PATH. */
	private static final String DEBIAN_PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

	private static final String PAIR = "device-moved-to-other-profile";

	@TempDir
	Path scratch;

	private static FleetDiff sample() throws Exception {
		Path pair = Corpus.pairs().stream().filter(p -> p.getFileName().toString().endsWith(PAIR)).findFirst()
				.orElseThrow();
		FleetDiff diff = Corpus.diff(pair.resolve("before.parapet"), pair.resolve("after.parapet"));
		// labels are the absolute paths given; golden files must not depend on where the tree lives
		return new FleetDiff("before.parapet", "after.parapet", diff.changes(), diff.summary());
	}

	@Test
	void everyFormatMatchesItsGoldenFile() throws Exception {
		FleetDiff diff = sample();
		Path golden = Path.of(System.getProperty("parapet.review.golden", "golden"));
		StringBuilder missing = new StringBuilder();
		for (ReportFormat format : ReportFormat.values()) {
			String actual = format.report(false).render(diff);
			Path file = golden.resolve(PAIR + "." + format.word());
			if (!Files.exists(file)) {
				Files.createDirectories(golden);
				Files.writeString(file, actual);
				missing.append(file).append(' ');
				continue;
			}
			assertEquals(Files.readString(file), actual, format.word());
		}
		if (!missing.isEmpty()) {
			fail("golden files written, review and commit them: " + missing);
		}
	}

	@Test
	void colouredTextUsesAnsiAndPlainTextDoesNot() throws Exception {
		FleetDiff diff = sample();
		assertTrue(ReportFormat.TEXT.report(true).render(diff).contains("\u001b[1;31mWIDENS"));
		assertFalse(ReportFormat.TEXT.report(false).render(diff).contains("\u001b["));
	}

	@Test
	void sarifOfEveryCorpusPairValidatesAgainstTheOfficialSchema() throws Exception {
		Path schema = Path.of(System.getProperty("parapet.review.sarifSchema", "sarif-schema-2.1.0.json"));
		assertTrue(Files.isRegularFile(schema), "schema missing: " + schema);
		List<Path> documents = new java.util.ArrayList<>();
		for (Path pair : Corpus.pairs()) {
			FleetDiff diff = Corpus.diff(pair.resolve("before.parapet"), pair.resolve("after.parapet"));
			Path document = scratch.resolve(pair.getFileName() + ".sarif");
			Files.writeString(document, ReportFormat.SARIF.report(false).render(diff));
			documents.add(document);
		}
		List<String> command = new java.util.ArrayList<>(List.of(DEBIAN_PYTHON, "-c", """
				import json, sys, jsonschema
				schema = json.load(open(sys.argv[1]))
				validator = jsonschema.Draft7Validator(schema)
				bad = 0
				for path in sys.argv[2:]:
				    for error in validator.iter_errors(json.load(open(path))):
				        bad += 1
				        print(path, list(error.absolute_path), error.message)
				print("validated", len(sys.argv) - 2, "documents,", bad, "errors")
				sys.exit(1 if bad else 0)
				""", schema.toString()));
		documents.forEach(d -> command.add(d.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.waitFor(), output);
		assertTrue(output.contains("validated " + documents.size() + " documents, 0 errors"), output);
	}

	@Test
	void sarifMarksWideningChangesAsErrorsWithALineInTheNewFile() throws Exception {
		JsonObject log = JsonParser.parseString(ReportFormat.SARIF.report(false).render(sample())).getAsJsonObject();
		JsonArray results = log.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results");
		JsonObject widening = null;
		for (var element : results) {
			if ("parapet.widens".equals(element.getAsJsonObject().get("ruleId").getAsString())) {
				widening = element.getAsJsonObject();
			}
		}
		assertTrue(widening != null, "no widening result");
		assertEquals("error", widening.get("level").getAsString());
		JsonObject physical = widening.getAsJsonArray("locations").get(0).getAsJsonObject()
				.getAsJsonObject("physicalLocation");
		assertTrue(physical.getAsJsonObject("artifactLocation").get("uri").getAsString().endsWith(PAIR + "/after.parapet"));
		assertTrue(physical.getAsJsonObject("region").get("startLine").getAsInt() > 0);
	}

	@Test
	void jsonCarriesTheSummaryAndEveryChange() throws Exception {
		FleetDiff diff = sample();
		JsonObject json = JsonParser.parseString(ReportFormat.JSON.report(false).render(diff)).getAsJsonObject();
		assertEquals(diff.changes().size(), json.getAsJsonArray("changes").size());
		assertEquals(1, json.getAsJsonObject("summary").get("widens").getAsInt());
		assertEquals("widens", json.getAsJsonObject("summary").getAsJsonObject("worst").get("verdict").getAsString());
	}
}
