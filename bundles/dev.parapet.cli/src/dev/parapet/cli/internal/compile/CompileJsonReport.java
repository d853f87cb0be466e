// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.compile;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.parapet.compiler.CompiledPolicy;
import dev.parapet.compiler.FleetCompiler;

/**
 * The result of {@code parapet compile --json} as one JSON object (schema {@value #FORMAT}):
 *
 * <pre>
 * {
 *   "format": "parapet-compile/1",
 *   "fleet": "NAME",                 null when the fleet did not load
 *   "out": "/abs/DIR",               the output folder (nothing is written there on failure)
 *   "created": 1793491200,           seconds since 1970 (--created or SOURCE_DATE_EPOCH)
 *   "devices": [                     sorted by device; empty on failure
 *     { "device": "lab-7", "file": "lab-7.policy.cose",    relative to "out"
 *       "policyId": "hex", "bytes": 1234, "rollbackCounter": 7 }
 *   ],
 *   "findings": [                    empty on success
 *     { "file": "fleet/a.parapet",   relative to the working directory when below it; "" for a language default
 *       "line": 3,                   1-based; 0 for a whole file
 *       "message": "..." }
 *   ]
 * }
 * </pre>
 */
final class CompileJsonReport {

	/** The name and version of the schema, written as the "format" member. */
	static final String FORMAT = "parapet-compile/1";

	private final String fleet;
	private final Path out;
	private final long created;

	/** @param fleet the fleet's name, or null when it did not load */
	CompileJsonReport(String fleet, Path out, long created) {
		this.fleet = fleet;
		this.out = out;
		this.created = created;
	}

	void compiled(List<CompiledPolicy> compiled, PrintStream stream) {
		JsonArray devices = new JsonArray();
		compiled.stream().sorted(Comparator.comparing(p -> p.model().deviceId())).forEach(policy -> {
			JsonObject device = new JsonObject();
			device.addProperty("device", policy.model().deviceId());
			device.addProperty("file", policy.model().deviceId() + FleetCompiler.BLOB_SUFFIX);
			device.addProperty("policyId", policy.policyIdHex());
			device.addProperty("bytes", policy.blob().length);
			device.addProperty("rollbackCounter", policy.model().rollbackCounter());
			devices.add(device);
		});
		write(devices, new JsonArray(), stream);
	}

	void failed(List<CompileFinding> findings, PrintStream stream) {
		JsonArray list = new JsonArray();
		for (CompileFinding finding : findings) {
			JsonObject entry = new JsonObject();
			entry.addProperty("file", finding.file());
			entry.addProperty("line", finding.line());
			entry.addProperty("message", finding.message());
			list.add(entry);
		}
		write(new JsonArray(), list, stream);
	}

	private void write(JsonArray devices, JsonArray findings, PrintStream stream) {
		JsonObject report = new JsonObject();
		report.addProperty("format", FORMAT);
		report.addProperty("fleet", fleet);
		report.addProperty("out", out.toString());
		report.addProperty("created", created);
		report.add("devices", devices);
		report.add("findings", findings);
		stream.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(report));
	}
}
