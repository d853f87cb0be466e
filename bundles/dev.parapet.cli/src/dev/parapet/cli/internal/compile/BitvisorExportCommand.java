// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.compile;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.ExitCode;
import dev.parapet.compiler.CardCertificates;
import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.FleetLoadException;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.compiler.model.DevicePolicy;
import dev.parapet.export.bitvisor.BitvisorExport;
import dev.parapet.export.bitvisor.BitvisorExporter;
import dev.parapet.export.bitvisor.BitvisorLayouts;
import dev.parapet.export.bitvisor.ExportElement;
import dev.parapet.export.bitvisor.ExportPlan;
import dev.parapet.export.bitvisor.ExportRefusedException;
import dev.parapet.export.bitvisor.KeyDirectory;
import dev.parapet.export.bitvisor.UnknownCommitException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parapet export bitvisor --commit C --device NAME --out DIR}: stock BitVisor configuration. */
@Command(name = "bitvisor", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Exports one device's policy to stock BitVisor at a named commit (docs/formats.md 6):",
				"bitvisor.conf, config.bin, module2.bin (for uefi-loader-login) and export-report.md.",
				"Refused when stock BitVisor would weaken or drop any policy element, unless --allow-degrade." },
		footer = { "", "The passphrase of module2.bin comes from --pin-env, --pin-file or a prompt.",
				"Exit codes: 0 exported, 1 refused (degradations listed on stderr), 2 usage, key or I/O error." })
public final class BitvisorExportCommand implements Callable<Integer> {

	private final CliContext context;

	@Option(names = "--commit", required = true, paramLabel = "COMMIT", description = "BitVisor commit (known: 66559d6)")
	private String commit;

	@Option(names = "--device", required = true, paramLabel = "NAME", description = "device to export")
	private String device;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
	private Path out;

	@Option(names = "--fleet", paramLabel = "DIR", defaultValue = ".", description = "fleet folder (default: current)")
	private Path fleet;

	@Option(names = "--key-dir", paramLabel = "DIR",
			description = "raw storage keys, KEY-ID.key (32 or 64 bytes); needed when a range is encrypted")
	private Path keyDirectory;

	@Option(names = "--allow-degrade", description = "export even when elements are weakened or dropped (all listed)")
	private boolean allowDegrade;

	@Mixin
	private SecretOptions secret;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
	private boolean help;

	public BitvisorExportCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() throws CliException, IOException {
		BitvisorExporter exporter;
		try {
			exporter = new BitvisorExporter(BitvisorLayouts.forCommit(commit));
		} catch (UnknownCommitException e) {
			throw new CliException(e.getMessage(), e);
		}
		CompileFleet source = new CompileFleet(context, fleet);
		DevicePolicy policy;
		try {
			// stock BitVisor never carries the allowed-cards list: login is always reported as degraded
			policy = new PolicyCompiler(CardCertificates.IGNORED).model(source.device(source.load(), device), 0);
		} catch (FleetLoadException e) {
			return source.refused(e);
		} catch (CompileException e) {
			context.err().println(e);
			return ExitCode.FINDINGS;
		}
		ExportPlan plan = exporter.plan(policy);
		if (!plan.degradations().isEmpty() && !allowDegrade) {
			for (ExportElement d : plan.degradations()) {
				context.err().println(d.source() + ": " + d.element() + ": " + d.detail());
			}
			context.err().println("parapet export bitvisor: refused, " + plan.degradations().size()
					+ " elements would be weakened or dropped (--allow-degrade exports anyway)");
			return ExitCode.FINDINGS;
		}
		if (!plan.keys().isEmpty() && keyDirectory == null) {
			throw new CliException("Stock BitVisor keeps storage keys in its configuration: give them with --key-dir DIR");
		}
		char[] passphrase = secret.source(context.workingDirectory(), "Password for module2.bin").read();
		try {
			BitvisorExport.Files files = BitvisorExport.build(policy, plan,
					new KeyDirectory(keyDirectory == null ? context.workingDirectory() : context.workingDirectory().resolve(keyDirectory)),
					passphrase, new SecureRandom(), allowDegrade);
			Path directory = context.workingDirectory().resolve(out);
			BitvisorExport.write(files, directory);
			for (ExportElement d : plan.degradations()) {
				context.err().println("degraded: " + d.source() + ": " + d.element() + ": " + d.detail());
			}
			context.out().println(directory.resolve(BitvisorExport.CONF));
			context.out().println(directory.resolve(BitvisorExport.CONFIG));
			context.out().println(directory.resolve(BitvisorExport.MODULE));
			context.out().println(directory.resolve(BitvisorExport.REPORT));
			return ExitCode.OK;
		} catch (ExportRefusedException e) {
			context.err().println(e.getMessage());
			return ExitCode.FINDINGS;
		} catch (GeneralSecurityException e) {
			throw new CliException("Cannot encrypt module2.bin: " + e.getMessage(), e);
		} finally {
			SecretSource.wipe(passphrase);
		}
	}
}
