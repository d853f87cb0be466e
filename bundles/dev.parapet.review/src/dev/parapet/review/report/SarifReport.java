// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.report;

import java.util.Optional;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.parapet.review.Change;
import dev.parapet.review.FleetDiff;
import dev.parapet.review.SourceLocation;
import dev.parapet.review.Verdict;

/**
 * SARIF 2.1.0 (OASIS, 2020-03-27): one run, one reporting descriptor per verdict (rule ids
 * {@code parapet.widens}, {@code parapet.narrows}, {@code parapet.neutral}), one result per change.
 * Widening changes are errors, the rest notes. The result's location is the new source (the old one
 * for removals); the other side is a related location. Paths are relative to the repository top,
 * under {@code uriBaseId} SRCROOT, which is what code-review tools resolve against the checkout.
 */
public final class SarifReport implements DiffReport {

	public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
	public static final String SOURCE_ROOT = "SRCROOT";

	@Override
	public String render(FleetDiff diff) {
		JsonObject log = new JsonObject();
		log.addProperty("$schema", SCHEMA_URI);
		log.addProperty("version", "2.1.0");
		JsonObject run = new JsonObject();
		JsonObject driver = new JsonObject();
		driver.addProperty("name", "parapet-review");
		driver.addProperty("informationUri", "https://parapet.dev/docs/review");
		driver.addProperty("semanticVersion", "0.1.0");
		JsonArray rules = new JsonArray();
		for (Verdict verdict : Verdict.values()) {
			rules.add(rule(verdict));
		}
		driver.add("rules", rules);
		JsonObject tool = new JsonObject();
		tool.add("driver", driver);
		run.add("tool", tool);
		JsonArray results = new JsonArray();
		diff.changes().forEach(change -> results.add(result(change)));
		run.add("results", results);
		JsonObject properties = new JsonObject();
		properties.addProperty("before", diff.before());
		properties.addProperty("after", diff.after());
		properties.addProperty("devicesCompared", diff.summary().devicesCompared());
		properties.addProperty("devicesAffected", diff.summary().devicesAffected());
		run.add("properties", properties);
		JsonArray runs = new JsonArray();
		runs.add(run);
		log.add("runs", runs);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log) + "\n";
	}

	public static String ruleId(Verdict verdict) {
		return "parapet." + verdict.word();
	}

	public static String level(Verdict verdict) {
		return verdict == Verdict.WIDENS ? "error" : "note";
	}

	private static JsonObject rule(Verdict verdict) {
		JsonObject rule = new JsonObject();
		rule.addProperty("id", ruleId(verdict));
		rule.addProperty("name", switch (verdict) {
		case WIDENS -> "PolicyWidens";
		case NARROWS -> "PolicyNarrows";
		case NEUTRAL -> "PolicyNeutralChange";
		});
		rule.add("shortDescription", message(switch (verdict) {
		case WIDENS -> "The change widens a device's effective policy.";
		case NARROWS -> "The change narrows a device's effective policy.";
		case NEUTRAL -> "The change alters a device's effective policy without widening or narrowing it.";
		}));
		rule.add("fullDescription", message("Verdicts follow the rule table of docs/review.md; each result names the "
				+ "deciding verdict rule in properties.verdictRule."));
		JsonObject configuration = new JsonObject();
		configuration.addProperty("level", level(verdict));
		rule.add("defaultConfiguration", configuration);
		return rule;
	}

	private static JsonObject result(Change change) {
		JsonObject result = new JsonObject();
		result.addProperty("ruleId", ruleId(change.verdict()));
		result.addProperty("ruleIndex", change.verdict().ordinal());
		result.addProperty("level", level(change.verdict()));
		result.add("message", message(change.subject() + ": " + ReportText.element(change) + ": " + change.reason()));
		Optional<SourceLocation> primary = change.primaryLocation();
		JsonArray locations = new JsonArray();
		primary.ifPresent(location -> {
			JsonObject entry = location(location, Optional.empty());
			JsonArray logical = new JsonArray();
			JsonObject name = new JsonObject();
			name.addProperty("name", change.element());
			name.addProperty("fullyQualifiedName", change.subject() + "/" + change.title());
			name.addProperty("kind", "object");
			logical.add(name);
			entry.add("logicalLocations", logical);
			locations.add(entry);
		});
		result.add("locations", locations);
		if (change.after().isPresent() && change.before().isPresent()) {
			JsonArray related = new JsonArray();
			JsonObject old = location(change.before().get(), Optional.of("before the change"));
			old.addProperty("id", 1);
			related.add(old);
			result.add("relatedLocations", related);
		}
		JsonObject fingerprints = new JsonObject();
		fingerprints.addProperty("parapetChange/v1", change.subject() + "/" + change.kind().name() + "/" + change.element()
				+ "/" + change.change().name());
		result.add("partialFingerprints", fingerprints);
		JsonObject properties = new JsonObject();
		properties.addProperty("device", change.device());
		properties.addProperty("element", change.title());
		properties.addProperty("change", change.change().word());
		properties.addProperty("verdict", change.verdict().word());
		properties.addProperty("verdictRule", change.rule().id());
		properties.addProperty("mixed", change.mixed());
		result.add("properties", properties);
		return result;
	}

	private static JsonObject location(SourceLocation source, Optional<String> text) {
		JsonObject artifact = new JsonObject();
		artifact.addProperty("uri", uriReference(source.path()));
		artifact.addProperty("uriBaseId", SOURCE_ROOT);
		JsonObject region = new JsonObject();
		region.addProperty("startLine", source.line());
		JsonObject physical = new JsonObject();
		physical.add("artifactLocation", artifact);
		physical.add("region", region);
		JsonObject location = new JsonObject();
		location.add("physicalLocation", physical);
		text.ifPresent(t -> location.add("message", message(t)));
		return location;
	}

	/** A relative URI reference: spaces and other characters outside RFC 3986 are percent-encoded. */
	static String uriReference(String path) {
		try {
			return new java.net.URI(null, null, path, null).toASCIIString();
		} catch (java.net.URISyntaxException e) {
			throw new IllegalArgumentException("not a path: " + path, e);
		}
	}

	private static JsonObject message(String text) {
		JsonObject message = new JsonObject();
		message.addProperty("text", text);
		return message;
	}
}
