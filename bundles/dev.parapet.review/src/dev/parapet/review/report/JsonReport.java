// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.report;

import java.util.Optional;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.parapet.review.Change;
import dev.parapet.review.FleetDiff;
import dev.parapet.review.SourceLocation;
import dev.parapet.review.Verdict;

/** The diff as JSON (docs/review.md, "JSON"): summary and every change with both locations. */
public final class JsonReport implements DiffReport {

	/** Bumped when a field changes meaning or disappears. */
	public static final int SCHEMA = 1;

	@Override
	public String render(FleetDiff diff) {
		JsonObject root = new JsonObject();
		root.addProperty("schema", SCHEMA);
		root.addProperty("before", diff.before());
		root.addProperty("after", diff.after());
		JsonObject summary = new JsonObject();
		summary.addProperty("devicesCompared", diff.summary().devicesCompared());
		summary.addProperty("devicesAffected", diff.summary().devicesAffected());
		for (Verdict verdict : Verdict.values()) {
			summary.addProperty(verdict.word(), diff.summary().count(verdict));
		}
		summary.add("worst", diff.summary().worst().<JsonElement>map(JsonReport::change).orElse(JsonNull.INSTANCE));
		root.add("summary", summary);
		JsonArray changes = new JsonArray();
		diff.changes().forEach(change -> changes.add(change(change)));
		root.add("changes", changes);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
	}

	static JsonObject change(Change change) {
		JsonObject object = new JsonObject();
		object.addProperty("device", change.device());
		object.addProperty("kind", change.kind().name());
		object.addProperty("keyword", change.kind().keyword());
		object.addProperty("element", change.element());
		object.addProperty("change", change.change().word());
		object.addProperty("verdict", change.verdict().word());
		object.addProperty("rule", change.rule().id());
		object.addProperty("reason", change.reason());
		object.addProperty("mixed", change.mixed());
		object.add("before", location(change.before()));
		object.add("after", location(change.after()));
		return object;
	}

	private static JsonElement location(Optional<SourceLocation> location) {
		if (location.isEmpty()) {
			return JsonNull.INSTANCE;
		}
		JsonObject object = new JsonObject();
		object.addProperty("path", location.get().path());
		object.addProperty("line", location.get().line());
		return object;
	}
}
