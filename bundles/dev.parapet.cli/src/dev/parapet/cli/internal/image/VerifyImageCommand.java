// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.ExitCode;
import dev.parapet.image.ImageVerifier;
import dev.parapet.image.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parapet verify-image IMG --trust CERT...}: checks a baked image offline and says what it checked. */
@Command(name = "verify-image", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Verifies a baked boot image offline and prints every check it made:",
				"GPT and FAT32 structure, the CMS manifest signature, the SHA-256 of every part, no",
				"unlisted files, the Authenticode signature of hv-runtime, the policy blob's ES256",
				"signature under the key in .pppkey, the key envelopes against the policy, the SBOM",
				"and where the keys came from." },
		footer = { "", "Output: one line per check, 'OK   NAME: DETAIL' or 'FAIL NAME: DETAIL'.",
				"--json: {\"format\": \"parapet-verify-image/1\", \"image\": FILE, \"ok\": BOOL,",
				"         \"checks\": [{\"name\": NAME, \"ok\": BOOL, \"detail\": TEXT}]}",
				"", "Exit codes: 0 every check passed, 1 a check failed, 2 usage or I/O error." })
public final class VerifyImageCommand implements Callable<Integer> {

	private final CliContext context;

	@Parameters(index = "0", paramLabel = "IMG", description = "the disk image")
	private Path image;

	@Option(names = "--trust", required = true, arity = "1..*", paramLabel = "CERT",
			description = "certificates (PEM or DER) the Secure Boot and manifest signers must chain to")
	private List<Path> trust;

	@Option(names = "--allow-test-keys", description = "accept images baked with deterministic test keys (tests only)")
	private boolean allowTestKeys;

	@Option(names = "--json", description = "write the checks as JSON (schema below)")
	private boolean json;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
	private boolean help;

	/**
	 * @param context the streams and working directory of this run
	 */
	public VerifyImageCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() throws CliException, IOException {
		List<X509Certificate> certs = new ArrayList<>();
		for (Path p : trust) {
			Path file = context.workingDirectory().resolve(p);
			if (!Files.isRegularFile(file)) {
				throw new CliException(file + ": no such certificate file");
			}
			try (InputStream in = Files.newInputStream(file)) {
				for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
					certs.add((X509Certificate) c);
				}
			} catch (CertificateException e) {
				throw new CliException(file + ": not an X.509 certificate (" + e.getMessage() + ")");
			}
		}
		if (certs.isEmpty()) {
			throw new CliException("no certificates in " + trust);
		}
		Path img = context.workingDirectory().resolve(image);
		if (!Files.isRegularFile(img)) {
			throw new CliException(img + ": no such image file");
		}
		VerificationReport report = new ImageVerifier(certs, allowTestKeys).verify(img);
		if (json) {
			JsonObject o = new JsonObject();
			o.addProperty("format", "parapet-verify-image/1");
			o.addProperty("image", img.toString());
			o.addProperty("ok", report.ok());
			JsonArray checks = new JsonArray();
			for (VerificationReport.Check c : report.checks()) {
				JsonObject j = new JsonObject();
				j.addProperty("name", c.name());
				j.addProperty("ok", c.ok());
				j.addProperty("detail", c.detail());
				checks.add(j);
			}
			o.add("checks", checks);
			context.out().println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o));
		} else {
			report.checks().forEach(c -> context.out().println(c));
		}
		long failed = report.checks().stream().filter(c -> !c.ok()).count();
		context.err().println("parapet verify-image: " + img.getFileName() + ": "
				+ (report.ok() ? "verified (" + report.checks().size() + " checks)" : failed + " of " + report.checks().size() + " checks failed"));
		return report.ok() ? ExitCode.OK : ExitCode.FINDINGS;
	}
}
