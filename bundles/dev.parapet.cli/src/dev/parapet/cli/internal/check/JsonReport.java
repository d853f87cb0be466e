// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.gson.stream.JsonWriter;

/**
 * The findings as one JSON object (schema {@value #FORMAT}):
 *
 * <pre>
 * {
 *   "format": "parapet-check/1",
 *   "files": ["fleet/a.parapet", ...],              checked files as shown: named, then imported
 *   "errors": 1, "warnings": 0, "infos": 0,
 *   "diagnostics": [
 *     { "file": "fleet/a.parapet",                        as shown; a folder for fleet-wide findings
 *       "line": 3, "column": 5,                           1-based; 0 for a whole file or folder
 *       "severity": "error" | "warning" | "info",
 *       "code": "PP1234",                                 docs/language.md
 *       "message": "..." }
 *   ]
 * }
 * </pre>
 */
public final class JsonReport implements FindingsReport {

	/** The name and version of the schema, written as the "format" member. */
	public static final String FORMAT = "parapet-check/1";

	@Override
	public void write(List<String> files, List<Finding> findings, PrintStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		JsonWriter json = new JsonWriter(writer);
		json.setIndent("  ");
		json.beginObject();
		json.name("format").value(FORMAT);
		json.name("files").beginArray();
		for (String file : files) {
			json.value(file);
		}
		json.endArray();
		json.name("errors").value(Severity.ERROR.countIn(findings));
		json.name("warnings").value(Severity.WARNING.countIn(findings));
		json.name("infos").value(Severity.INFO.countIn(findings));
		json.name("diagnostics").beginArray();
		for (Finding finding : findings) {
			json.beginObject();
			json.name("file").value(finding.file());
			json.name("line").value(finding.line());
			json.name("column").value(finding.column());
			json.name("severity").value(finding.severity().label());
			json.name("code").value(finding.code());
			json.name("message").value(finding.message());
			json.endObject();
		}
		json.endArray();
		json.endObject();
		json.flush();
		writer.write('\n');
		writer.flush();
	}
}
