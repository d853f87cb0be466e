// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parapet.policy.fleet.FleetLoader;
import dev.parapet.policy.fleet.LoadedFleet;
import dev.parapet.policy.fleet.PolicyDiagnostic;
import dev.parapet.tests.base.PolicyTestSupport;

/** The loader behind {@code parapet check}: folders, single files, sorted and located findings. */
class FleetLoaderTest {

	@Test
	void findingsNameFileLineColumnSeverityCodeAndMessageInStableOrder() {
		Path folder = PolicyTestSupport.writeFleet(Fixture.devices("device d2 extends std {\nlogin {\npin-tries 16\n}\n}\n\n"
				+ "device d3 extends nothere {\n}").files());
		try {
			LoadedFleet fleet = PolicyTestSupport.load(folder);
			List<PolicyDiagnostic> diagnostics = fleet.diagnostics();
			List<PolicyDiagnostic> sorted = new ArrayList<>(diagnostics);
			Collections.sort(sorted);
			assertEquals(sorted, diagnostics);
			PolicyDiagnostic tries = diagnostics.stream().filter(d -> d.code().equals("PP6003")).findFirst().orElseThrow();
			assertEquals(folder.resolve("devices.parapet").toAbsolutePath().normalize(), tries.file());
			assertEquals(8, tries.line());
			assertEquals(11, tries.column());
			assertEquals(PolicyDiagnostic.Severity.ERROR, tries.severity());
			assertTrue(tries.toString().endsWith("devices.parapet:8:11: error: pin-tries 16 in login of device d2 must lie within 1..15 [PP6003]"),
					tries.toString());
			assertTrue(fleet.hasErrors());
		} finally {
			PolicyTestSupport.delete(folder);
		}
	}

	@Test
	void singleFilesLoadWithTheFilesTheyImport() throws Exception {
		Path folder = PolicyTestSupport.writeFleet(Fixture.base().files());
		try {
			LoadedFleet fleet = PolicyTestSupport.injector().getInstance(FleetLoader.class)
					.load(List.of(folder.resolve("devices.parapet")));
			assertEquals(List.of(folder.resolve("devices.parapet").toAbsolutePath()), fleet.files());
			assertEquals(1, fleet.devices().size());
			assertEquals(List.of(), fleet.diagnostics());
		} finally {
			PolicyTestSupport.delete(folder);
		}
	}

	@Test
	void aMissingPathIsAnInputErrorNotAFinding() {
		assertThrows(NoSuchFileException.class, () -> PolicyTestSupport.injector().getInstance(FleetLoader.class)
				.load(List.of(Path.of("/nonexistent/parapet-fleet"))));
	}

	@Test
	void loadingTheSameFleetTwiceYieldsTheSameFindingsInTheSameOrder() {
		Path folder = PolicyTestSupport.writeFleet(
				Fixture.devices("device d2 extends nothere {\n}\n\nstorage-key spare {\n}").files());
		try {
			List<PolicyDiagnostic> first = PolicyTestSupport.load(folder).diagnostics();
			assertTrue(first.size() >= 3, first::toString);
			assertEquals(first, PolicyTestSupport.load(folder).diagnostics());
		} finally {
			PolicyTestSupport.delete(folder);
		}
	}
}
