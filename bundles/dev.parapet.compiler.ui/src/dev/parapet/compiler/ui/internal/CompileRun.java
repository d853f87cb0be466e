// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.parapet.compiler.CardCertificateDirectory;
import dev.parapet.compiler.CardCertificates;
import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.CompiledPolicy;
import dev.parapet.compiler.FleetCompiler;
import dev.parapet.compiler.FleetLoadException;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.SigningKeys;
import dev.parapet.compiler.internal.XtextFleetSource;
import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.compiler.ui.internal.CompileResultsView.Row;

/**
 * The work of the Compile action, without UI: compile every device of the fleet folder with the
 * fleet's signing key into {@code out/policies}, card certificates from {@code card-certs} when the
 * folder has one; the rows for the results view.
 */
public final class CompileRun {

	static final String OUTPUT = "out/policies";
	static final String CARD_CERTIFICATES = "card-certs";

	private CompileRun() {
	}

	public static List<Row> run(Path fleetFolder, long created, SecretSource secret) {
		List<Row> rows = new ArrayList<>();
		try {
			LoadedFleet fleet = new XtextFleetSource().load(fleetFolder);
			Path cards = fleetFolder.resolve(CARD_CERTIFICATES);
			PolicyCompiler compiler = new PolicyCompiler(
					Files.isDirectory(cards) ? new CardCertificateDirectory(cards) : CardCertificates.UNRESOLVED);
			FleetCompiler fleetCompiler = new FleetCompiler(compiler);
			try (PolicySigner signer = SigningKeys.open(fleet.fleet(), secret)) {
				FleetCompiler.Result result = fleetCompiler.compile(fleet.devices(), created, signer);
				for (CompileException failure : result.failures()) {
					rows.add(new Row("error", failure.getMessage(), failure.source().toString()));
				}
				if (result.failures().isEmpty()) {
					Path out = fleetFolder.resolve(OUTPUT);
					fleetCompiler.write(fleet, result, created, signer, out);
					for (CompiledPolicy policy : result.compiled()) {
						rows.add(new Row(policy.model().deviceId(), "policy id " + policy.policyIdHex() + " -> "
								+ OUTPUT + "/" + policy.model().deviceId() + FleetCompiler.BLOB_SUFFIX,
								policy.model().source().toString()));
					}
				} else {
					rows.add(new Row("nothing written", result.failures().size() + " devices failed", ""));
				}
			}
		} catch (FleetLoadException e) {
			e.problems().forEach(problem -> rows.add(new Row("fleet error", problem, "")));
		} catch (KeySourceException e) {
			rows.add(new Row("signing key", e.getMessage(), ""));
		} catch (java.io.IOException | java.security.GeneralSecurityException e) {
			rows.add(new Row("error", e.getMessage(), ""));
		}
		return rows;
	}
}
