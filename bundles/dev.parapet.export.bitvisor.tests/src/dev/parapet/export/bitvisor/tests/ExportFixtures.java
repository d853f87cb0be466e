// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor.tests;

import java.nio.file.Path;
import java.security.SecureRandom;

import dev.parapet.compiler.CardCertificates;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.internal.XtextFleetSource;
import dev.parapet.compiler.model.DevicePolicy;
import dev.parapet.export.bitvisor.BitvisorExport;
import dev.parapet.export.bitvisor.BitvisorExporter;
import dev.parapet.export.bitvisor.BitvisorLayouts;
import dev.parapet.export.bitvisor.ExportPlan;
import dev.parapet.export.bitvisor.KeyDirectory;

/** The export test fleet, keys and a fixed passphrase. */
final class ExportFixtures {

	static final char[] PASSPHRASE = "bitvisor-test-passphrase".toCharArray();

	private ExportFixtures() {
	}

	static Path root() {
		return Path.of(System.getProperty("parapet.testResources", "resources")).toAbsolutePath();
	}

	static DevicePolicy policy(String device) throws Exception {
		LoadedFleet fleet = new XtextFleetSource().load(root().resolve("fleet"));
		return new PolicyCompiler(CardCertificates.UNRESOLVED).model(fleet.device(device).orElseThrow(), 1_793_491_200L);
	}

	static ExportPlan plan(String device) throws Exception {
		return new BitvisorExporter(BitvisorLayouts.forCommit("66559d6")).plan(policy(device));
	}

	static BitvisorExport.Files export(String device) throws Exception {
		return BitvisorExport.build(policy(device), plan(device), new KeyDirectory(root().resolve("keys")), PASSPHRASE,
				new SecureRandom(), true);
	}
}
