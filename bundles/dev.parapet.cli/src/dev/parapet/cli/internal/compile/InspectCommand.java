// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.compile;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.ExitCode;
import dev.parapet.compiler.cose.DecodedBlob;
import dev.parapet.compiler.cose.InvalidPolicyException;
import dev.parapet.compiler.cose.PolicyBlobReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parapet inspect BLOB [--json] [--trust CERT]}: the decoded contents of a policy blob. */
@Command(name = "inspect", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Shows the decoded contents of a policy blob with named fields.",
				"Without --trust the signature is not checked (and the output says so); everything else is." },
		footer = { "", "--json writes {\"format\": \"parapet-policy-blob\", \"alg\", \"contentType\", \"kid\",",
				"  \"signature\": \"verified\"|\"not verified ...\", \"policy\": {named schema-1 fields}}.",
				"Exit codes: 0 decoded, 1 invalid blob (reason on stdout), 2 usage or I/O error." })
public final class InspectCommand implements Callable<Integer> {

	private final CliContext context;

	@Parameters(index = "0", paramLabel = "BLOB", description = "policy blob (.policy.cose)")
	private Path blob;

	@Option(names = "--json", description = "write JSON instead of text")
	private boolean json;

	@Option(names = "--trust", paramLabel = "CERT", description = "also verify the signature with this certificate")
	private Path trust;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
	private boolean help;

	public InspectCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() throws CliException {
		byte[] bytes = BlobFiles.blob(context.workingDirectory().resolve(blob));
		DecodedBlob decoded;
		try {
			decoded = trust == null ? PolicyBlobReader.decodeUnverified(bytes)
					: PolicyBlobReader.verify(bytes, BlobFiles.trusted(context.workingDirectory().resolve(trust)));
		} catch (InvalidPolicyException e) {
			context.out().println("invalid: " + e.getMessage());
			return ExitCode.FINDINGS;
		}
		if (json) {
			context.out().println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
					.toJson(decoded.toJson()));
		} else {
			StringBuilder text = new StringBuilder();
			render(decoded.toJson(), "", text);
			context.out().print(text);
		}
		return ExitCode.OK;
	}

	/** Indented "name: value" lines; list entries are numbered. */
	static void render(JsonElement element, String indent, StringBuilder out) {
		if (element instanceof JsonObject object) {
			for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
				line(entry.getKey(), entry.getValue(), indent, out);
			}
		} else if (element instanceof JsonArray array) {
			for (int i = 0; i < array.size(); i++) {
				line("[" + i + "]", array.get(i), indent, out);
			}
		}
	}

	private static void line(String name, JsonElement value, String indent, StringBuilder out) {
		out.append(indent).append(name).append(':');
		if (value.isJsonObject() || value.isJsonArray()) {
			boolean empty = value.isJsonObject() ? value.getAsJsonObject().isEmpty() : value.getAsJsonArray().isEmpty();
			out.append(empty ? (value.isJsonArray() ? " (none)" : " {}") : "").append('\n');
			render(value, indent + "  ", out);
		} else {
			out.append(' ').append(value.isJsonNull() ? "(none)" : value.getAsString()).append('\n');
		}
	}
}
