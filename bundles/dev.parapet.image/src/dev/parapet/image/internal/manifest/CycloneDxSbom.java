// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.manifest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import dev.parapet.image.internal.disk.Guids;

/**
 * A CycloneDX 1.5 JSON SBOM of one image's parts: hv-runtime (firmware), the policy blob and the
 * key envelopes (files), each with its ESP path and SHA-256. Written by hand in a fixed order and
 * layout so that the same image gives the same bytes.
 */
public final class CycloneDxSbom {

	/** One component. */
	public record Component(String type, String name, String version, String espPath, byte[] sha256, String description) {
	}

	private CycloneDxSbom() {
	}

	/** The SBOM JSON (UTF-8, LF line ends, trailing newline). */
	public static byte[] write(String fleet, String device, String policyIdHex, long sourceDateEpoch, String toolVersion,
			List<Component> components) {
		StringBuilder j = new StringBuilder();
		String serial = Guids.derive("parapet-sbom", fleet, device, policyIdHex).toString();
		j.append("{\n");
		j.append("  \"bomFormat\": \"CycloneDX\",\n");
		j.append("  \"specVersion\": \"1.5\",\n");
		j.append("  \"serialNumber\": ").append(JsonStrings.quote("urn:uuid:" + serial)).append(",\n");
		j.append("  \"version\": 1,\n");
		j.append("  \"metadata\": {\n");
		j.append("    \"timestamp\": ").append(JsonStrings.quote(Instant.ofEpochSecond(sourceDateEpoch).toString())).append(",\n");
		j.append("    \"tools\": {\n      \"components\": [\n        {\n          \"type\": \"application\",\n");
		j.append("          \"author\": \"Parapet\",\n          \"name\": \"parapet\",\n");
		j.append("          \"version\": ").append(JsonStrings.quote(toolVersion)).append("\n        }\n      ]\n    },\n");
		j.append("    \"component\": {\n");
		j.append("      \"type\": \"firmware\",\n");
		j.append("      \"bom-ref\": ").append(JsonStrings.quote("image:" + fleet + "/" + device)).append(",\n");
		j.append("      \"name\": ").append(JsonStrings.quote(device + " boot image")).append(",\n");
		j.append("      \"version\": ").append(JsonStrings.quote(policyIdHex)).append(",\n");
		j.append("      \"description\": ").append(JsonStrings.quote("Parapet boot image of device " + device + " in fleet " + fleet
				+ "; version is the policy id")).append("\n");
		j.append("    }\n  },\n");
		j.append("  \"components\": [\n");
		for (int i = 0; i < components.size(); i++) {
			Component c = components.get(i);
			j.append("    {\n");
			j.append("      \"type\": ").append(JsonStrings.quote(c.type())).append(",\n");
			j.append("      \"bom-ref\": ").append(JsonStrings.quote("part:" + c.espPath())).append(",\n");
			j.append("      \"name\": ").append(JsonStrings.quote(c.name())).append(",\n");
			j.append("      \"version\": ").append(JsonStrings.quote(c.version())).append(",\n");
			j.append("      \"description\": ").append(JsonStrings.quote(c.description())).append(",\n");
			j.append("      \"hashes\": [\n        {\n          \"alg\": \"SHA-256\",\n          \"content\": ")
					.append(JsonStrings.quote(HexFormat.of().formatHex(c.sha256()))).append("\n        }\n      ],\n");
			j.append("      \"properties\": [\n        {\n          \"name\": \"parapet:esp-path\",\n          \"value\": ")
					.append(JsonStrings.quote(c.espPath())).append("\n        }\n      ]\n");
			j.append(i == components.size() - 1 ? "    }\n" : "    },\n");
		}
		j.append("  ],\n");
		j.append("  \"dependencies\": [\n    {\n      \"ref\": ").append(JsonStrings.quote("image:" + fleet + "/" + device))
				.append(",\n      \"dependsOn\": [");
		for (int i = 0; i < components.size(); i++) {
			j.append(i == 0 ? "" : ", ").append(JsonStrings.quote("part:" + components.get(i).espPath()));
		}
		j.append("]\n    }\n  ]\n}\n");
		return j.toString().getBytes(StandardCharsets.UTF_8);
	}

}
