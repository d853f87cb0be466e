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
import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.CompiledPolicy;
import dev.parapet.compiler.CreationTime;
import dev.parapet.compiler.FleetCompiler;
import dev.parapet.compiler.FleetLoadException;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.SigningKeys;
import dev.parapet.compiler.internal.XtextFleetSource;
import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.policy.policy.Device;
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

	@Option(names = "--card-certs", paramLabel = "DIR",
			description = "9A certificates of the cards, one file per card UID (UID.pem, UID.der or UID.crt)")
	private Path cardCertificates;

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
		LoadedFleet loaded;
		try {
			loaded = new XtextFleetSource().load(context.workingDirectory().resolve(fleet));
		} catch (FleetLoadException e) {
			e.problems().forEach(context.err()::println);
			context.err().println("parapet compile: the fleet has errors; nothing compiled");
			return ExitCode.FINDINGS;
		}
		List<Device> devices = loaded.devices();
		if (selection.device != null) {
			devices = List.of(loaded.device(selection.device)
					.orElseThrow(() -> new CliException("No device " + selection.device + " in fleet " + fleet)));
		}
		FleetCompiler compiler = new FleetCompiler(cardCertificates == null ? new PolicyCompiler()
				: new PolicyCompiler(new CardCertificateDirectory(context.workingDirectory().resolve(cardCertificates))));
		try (PolicySigner signer = SigningKeys.open(loaded.fleet(),
				secret.source(context.workingDirectory(), "PIN or passphrase of the policy signing key"))) {
			FleetCompiler.Result result = compiler.compile(devices, createdSeconds, signer);
			if (!result.failures().isEmpty()) {
				for (CompileException failure : result.failures()) {
					context.err().println(failure);
				}
				context.err().println("parapet compile: " + result.failures().size() + " of " + devices.size()
						+ " devices failed; nothing written");
				return ExitCode.FINDINGS;
			}
			Path directory = context.workingDirectory().resolve(out);
			compiler.write(loaded, result, createdSeconds, signer, directory);
			for (CompiledPolicy policy : result.compiled()) {
				context.out().println(policy.model().deviceId() + " " + policy.policyIdHex() + " "
						+ directory.resolve(policy.model().deviceId() + FleetCompiler.BLOB_SUFFIX));
			}
			context.err().println("parapet compile: " + result.compiled().size() + " blobs and "
					+ FleetCompiler.INDEX + " written to " + directory);
			return ExitCode.OK;
		} catch (KeySourceException e) {
			throw new CliException(e.getMessage(), e);
		} catch (GeneralSecurityException e) {
			throw new CliException("Signing failed: " + e.getMessage(), e);
		}
	}
}
