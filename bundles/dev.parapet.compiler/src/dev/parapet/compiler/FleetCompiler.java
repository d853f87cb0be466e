// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.parapet.compiler.internal.AtomicFiles;
import dev.parapet.compiler.internal.Sha256;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.policy.policy.Device;

/**
 * Compiles a selection of a fleet's devices and writes one blob per device plus {@code index.json}
 * (docs/formats.md "Compile output"). All devices are compiled before anything is written: one
 * failing device leaves the output directory untouched.
 */
public final class FleetCompiler {

	public static final String INDEX = "index.json";
	public static final String BLOB_SUFFIX = ".policy.cose";

	private final PolicyCompiler compiler;

	public FleetCompiler(PolicyCompiler compiler) {
		this.compiler = compiler;
	}

	/** The result of a compile run: the blobs and every device that failed. */
	public record Result(List<CompiledPolicy> compiled, List<CompileException> failures) {
		public Result {
			compiled = List.copyOf(compiled);
			failures = List.copyOf(failures);
		}
	}

	/** Compiles the devices in memory; nothing is written. */
	public Result compile(List<Device> devices, long created, PolicySigner signer) throws GeneralSecurityException {
		List<CompiledPolicy> compiled = new ArrayList<>();
		List<CompileException> failures = new ArrayList<>();
		for (Device device : devices) {
			try {
				compiled.add(compiler.compile(device, created, signer));
			} catch (CompileException e) {
				failures.add(e);
			}
		}
		return new Result(compiled, failures);
	}

	/** Writes the blobs and the index of a run without failures. */
	public void write(LoadedFleet fleet, Result result, long created, PolicySigner signer, Path directory)
			throws IOException {
		if (!result.failures().isEmpty()) {
			throw new IllegalArgumentException("Refusing to write a compile run with failures");
		}
		for (CompiledPolicy policy : result.compiled()) {
			AtomicFiles.write(directory.resolve(policy.model().deviceId() + BLOB_SUFFIX), policy.blob());
		}
		AtomicFiles.write(directory.resolve(INDEX), index(fleet, result.compiled(), created, signer));
	}

	/** The index file: one line per device, sorted by device name; pretty JSON with a final newline. */
	public static byte[] index(LoadedFleet fleet, List<CompiledPolicy> compiled, long created, PolicySigner signer) {
		HexFormat hex = HexFormat.of();
		JsonObject index = new JsonObject();
		index.addProperty("format", "parapet-compile-index");
		index.addProperty("version", 1);
		index.addProperty("fleet", fleet.fleet().getName());
		index.addProperty("created", created);
		index.addProperty("rollbackCounter", fleet.fleet().getRollbackCounter());
		index.addProperty("kid", hex.formatHex(signer.keyId()));
		JsonArray devices = new JsonArray();
		compiled.stream().sorted((a, b) -> a.model().deviceId().compareTo(b.model().deviceId())).forEach(policy -> {
			JsonObject entry = new JsonObject();
			entry.addProperty("device", policy.model().deviceId());
			entry.addProperty("file", policy.model().deviceId() + BLOB_SUFFIX);
			entry.addProperty("policyId", policy.policyIdHex());
			entry.addProperty("sha256", hex.formatHex(sha256(policy.blob())));
			entry.addProperty("size", policy.blob().length);
			devices.add(entry);
		});
		index.add("devices", devices);
		return (new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(index) + "\n")
				.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] sha256(byte[] data) {
		return Sha256.of(data);
	}
}
