// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.compile;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.ExitCode;
import dev.parapet.compiler.CardCertificateDirectory;
import dev.parapet.compiler.CardCertificates;
import dev.parapet.compiler.CompiledPolicy;
import dev.parapet.compiler.CreationTime;
import dev.parapet.compiler.FleetCompiler;
import dev.parapet.compiler.FleetLoadException;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.RegistryCardCertificates;
import dev.parapet.compiler.SigningKeys;
import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.policy.policy.Device;
import dev.parapet.registry.CardDirectory;
import dev.parapet.registry.RegistryException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parapet compile FLEET (--device NAME | --all) --out DIR}: signed policy blobs. */
@Command(name = "compile", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Compiles device policies into signed blobs (docs/formats.md 1).",
				"One DEVICE.policy.cose per device and index.json are written to DIR; nothing is written",
				"when any device fails. The creation time comes from --created or SOURCE_DATE_EPOCH, never",
				"the clock. The signing key is the fleet's policy-signing-key (PKCS#12 or PKCS#11)." },
		footer = { "", "Output: one line per blob on stdout, DEVICE POLICY-ID FILE; errors on stderr as FILE:LINE: MESSAGE.",
				"",
				"--json writes one object on stdout instead (schema parapet-compile/1):",
				"  {\"format\": \"parapet-compile/1\", \"fleet\": NAME|null, \"out\": DIR, \"created\": SECONDS,",
				"   \"devices\": [{\"device\": NAME, \"file\": FILE, \"policyId\": HEX, \"bytes\": N,",
				"                \"rollbackCounter\": N}],",
				"   \"findings\": [{\"file\": FILE, \"line\": N, \"message\": TEXT}]}",
				"Devices are sorted by name, their FILE relative to DIR; \"fleet\" is null when the fleet does not load.",
				"On exit 1 \"devices\" is empty and nothing is written; on success \"findings\" is empty.",
				"Finding files are relative to the working directory when below it; line 0: the whole file.",
				"Key, usage and I/O errors (exit 2) write no JSON, only a message on stderr.",
				"",
				"Exit codes: 0 all compiled, 1 a device could not be compiled, 2 usage, key or I/O error." })
public final class CompileCommand implements Callable<Integer> {

	private final CliContext context;

	@Parameters(index = "0", paramLabel = "FLEET", description = "fleet folder (or one .parapet file)")
	private Path fleet;

	@ArgGroup(exclusive = true, multiplicity = "1")
	private Selection selection;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
	private Path out;

	@Option(names = "--created", paramLabel = "SECONDS",
			description = "creation time (seconds since 1970); default: SOURCE_DATE_EPOCH")
	private String created;

	@ArgGroup(exclusive = true, multiplicity = "0..1")
	private CardSource cards;

	@Option(names = "--json", description = "write the result as JSON on stdout (schema below)")
	private boolean json;

	@Mixin
	private SecretOptions secret;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
	private boolean help;

	static final class Selection {
		@Option(names = "--device", paramLabel = "NAME", description = "compile this device")
		String device;

		@Option(names = "--all", description = "compile every device of the fleet")
		boolean all;
	}

	static final class CardSource {
		@Option(names = "--card-certs", paramLabel = "DIR",
				description = "9A certificates of the cards, one file per card UID (UID.pem, UID.der or UID.crt)")
		Path certificates;

		@Option(names = "--registry", paramLabel = "PATH|JDBC-URL",
				description = { "the card registry: a workspace folder, its .parapet/registry.mv.db, or",
						"jdbc:postgresql://HOST:PORT/DB?user=USER (password from PARAPET_REGISTRY_PASSWORD);",
						"only issued cards with a current 9A certificate compile" })
		String registry;
	}

	public CompileCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() throws CliException, IOException {
		long createdSeconds;
		try {
			createdSeconds = CreationTime.resolve(Optional.ofNullable(created), System.getenv());
		} catch (IllegalArgumentException e) {
			throw new CliException(e.getMessage(), e);
		}
		Path directory = context.workingDirectory().resolve(out);
		CompileFleet source = new CompileFleet(context, fleet);
		LoadedFleet loaded;
		try {
			loaded = source.load();
		} catch (FleetLoadException e) {
			if (json) {
				new CompileJsonReport(null, directory, createdSeconds).failed(e.problems().stream()
						.map(problem -> CompileFinding.ofLoadProblem(problem, context.workingDirectory())).toList(),
						context.out());
			} else {
				source.refused(e);
			}
			context.err().println("parapet compile: the fleet has errors; nothing compiled");
			return ExitCode.FINDINGS;
		}
		List<Device> devices = selection.device == null ? loaded.devices()
				: List.of(source.device(loaded, selection.device));
		CompileJsonReport report = new CompileJsonReport(loaded.fleet().getName(), directory, createdSeconds);
		try (CardDirectory registry = RegistryOption.open(cards == null ? null : cards.registry, context);
				PolicySigner signer = SigningKeys.open(loaded.fleet(),
						secret.source(context.workingDirectory(), "PIN or passphrase of the policy signing key"))) {
			FleetCompiler compiler = new FleetCompiler(new PolicyCompiler(cardCertificates(registry)));
			FleetCompiler.Result result = compiler.compile(devices, createdSeconds, signer);
			if (!result.failures().isEmpty()) {
				if (json) {
					report.failed(result.failures().stream()
							.map(failure -> CompileFinding.of(failure, context.workingDirectory())).toList(), context.out());
				} else {
					result.failures().forEach(context.err()::println);
				}
				context.err().println("parapet compile: " + result.failures().size() + " of " + devices.size()
						+ " devices failed; nothing written");
				return ExitCode.FINDINGS;
			}
			compiler.write(loaded, result, createdSeconds, signer, directory);
			if (json) {
				report.compiled(result.compiled(), context.out());
			} else {
				for (CompiledPolicy policy : result.compiled()) {
					context.out().println(policy.model().deviceId() + " " + policy.policyIdHex() + " "
							+ directory.resolve(policy.model().deviceId() + FleetCompiler.BLOB_SUFFIX));
				}
			}
			context.err().println("parapet compile: " + result.compiled().size() + " blobs and "
					+ FleetCompiler.INDEX + " written to " + directory);
			return ExitCode.OK;
		} catch (RegistryException | KeySourceException e) {
			throw new CliException(e.getMessage(), e);
		} catch (GeneralSecurityException e) {
			throw new CliException("Signing failed: " + e.getMessage(), e);
		}
	}

	private CardCertificates cardCertificates(CardDirectory registry) {
		if (registry != null) {
			return new RegistryCardCertificates(registry);
		}
		if (cards != null && cards.certificates != null) {
			return new CardCertificateDirectory(context.workingDirectory().resolve(cards.certificates));
		}
		return CardCertificates.UNRESOLVED;
	}
}
