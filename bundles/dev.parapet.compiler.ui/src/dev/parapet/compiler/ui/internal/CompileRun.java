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
import dev.parapet.compiler.RegistryCardCertificates;
import dev.parapet.compiler.SigningKeys;
import dev.parapet.compiler.internal.XtextFleetSource;
import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.compiler.ui.internal.CompileResultsView.Row;
import dev.parapet.registry.CardDirectory;
import dev.parapet.registry.RegistryException;
import dev.parapet.registry.RegistryTarget;

/**
 * The work of the Compile action, without UI: compile every device of the fleet folder with the
 * fleet's signing key into {@code out/policies}, card certificates from {@code card-certs} when the
 * folder has one, or from the card registry when one is named (never both); the rows for the results view.
 */
public final class CompileRun {

	static final String OUTPUT = "out/policies";
	static final String CARD_CERTIFICATES = "card-certs";

	private CompileRun() {
	}

	/** Compiles with the card certificates of the fleet's {@code card-certs} folder (if any). */
	public static List<Row> run(Path fleetFolder, long created, SecretSource secret) {
		Path cards = fleetFolder.resolve(CARD_CERTIFICATES);
		return compile(fleetFolder, created, secret,
				Files.isDirectory(cards) ? new CardCertificateDirectory(cards) : CardCertificates.UNRESOLVED);
	}

	/**
	 * Compiles with the cards' 9A certificates read from the card registry; the {@code card-certs} folder is
	 * not read. A registry that cannot be opened writes nothing and gives one row with its error.
	 *
	 * @param registry a workspace folder, an H2 file or a JDBC URL, relative paths against the fleet folder
	 * @param password PostgreSQL password (empty for none); wiped here
	 */
	public static List<Row> runWithRegistry(Path fleetFolder, long created, SecretSource secret, String registry,
			char[] password) {
		try (CardDirectory directory = CardDirectory.open(RegistryTarget.existing(registry, fleetFolder, password))) {
			return compile(fleetFolder, created, secret, new RegistryCardCertificates(directory));
		} catch (RegistryException e) {
			return List.of(new Row("card registry", e.getMessage(), registry));
		}
	}

	private static List<Row> compile(Path fleetFolder, long created, SecretSource secret, CardCertificates cards) {
		List<Row> rows = new ArrayList<>();
		try {
			LoadedFleet fleet = new XtextFleetSource().load(fleetFolder);
			FleetCompiler fleetCompiler = new FleetCompiler(new PolicyCompiler(cards));
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
