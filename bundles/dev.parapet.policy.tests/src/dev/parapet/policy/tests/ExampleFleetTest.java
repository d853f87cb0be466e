// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.parapet.policy.effective.EffectivePolicies;
import dev.parapet.policy.effective.EffectivePolicy;
import dev.parapet.policy.fleet.LoadedFleet;
import dev.parapet.policy.fleet.PolicyDiagnostic;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.Profile;
import dev.parapet.tests.base.PolicyTestSupport;

/** examples/acme-fleet is the fleet other teams test against: it must stay realistic and clean. */
class ExampleFleetTest {

	private static final LoadedFleet FLEET = PolicyTestSupport.load(PolicyTestSupport.exampleFleet());

	@Test
	void theExampleFleetChecksWithoutErrorsOrWarnings() {
		assertEquals(List.of(), FLEET.diagnostics(),
				() -> FLEET.diagnostics().stream().map(PolicyDiagnostic::toString).collect(Collectors.joining("\n")));
	}

	@Test
	void everyExampleFleetChecksWithoutErrorsOrWarningsAndIsInCanonicalLayout() throws java.io.IOException {
		assertTrue(PolicyTestSupport.exampleFleets().size() >= 2);
		for (java.nio.file.Path folder : PolicyTestSupport.exampleFleets()) {
			LoadedFleet fleet = PolicyTestSupport.load(folder);
			assertEquals(List.of(), fleet.diagnostics(), folder.toString());
			for (java.nio.file.Path file : PolicyTestSupport.policyFiles(folder)) {
				String text = java.nio.file.Files.readString(file);
				assertEquals(text, PolicyTestSupport.format(text), file.toString());
			}
		}
	}

	@Test
	void theBitvisorExampleKeepsItsLegacyPeerOnlyBecauseItTargetsBitvisor() {
		java.nio.file.Path lab = PolicyTestSupport.exampleFleet().resolveSibling("bitvisor-lab");
		String text;
		try {
			text = java.nio.file.Files.readString(lab.resolve("lab.parapet"));
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		var found = PolicyTestSupport.check(java.util.Map.of("lab.parapet",
				text.replace("runtime bitvisor commit \"66559d6\"", "runtime parapet"), "pki/lab-card-ca.pem", Fixture.CERTIFICATE));
		assertTrue(found.stream().anyMatch(d -> d.code().equals("PP4002")), found::toString);
		assertTrue(found.stream().filter(d -> d.code().equals("PP4001")).count() >= 4, found::toString);
	}

	@Test
	void theExampleFleetHasOneOrganisationThreeProfilesTwelveDevicesAndTwoHardwareModels() {
		assertNotNull(FLEET.fleet());
		assertTrue(FLEET.elements(Profile.class).size() >= 3);
		assertTrue(FLEET.devices().size() >= 12);
		Set<String> models = FLEET.devices().stream().map(d -> EffectivePolicies.resolve(d).model().value().getName())
				.collect(Collectors.toSet());
		assertTrue(models.size() >= 2, models::toString);
	}

	@Test
	void everyExampleDeviceHasUsbVpnDmaAndLoginRulesAfterInheritance() {
		for (Device device : FLEET.devices()) {
			EffectivePolicy policy = EffectivePolicies.resolve(device);
			assertTrue(policy.hasAuthentication(), device.getName());
			assertTrue(policy.encryptAll().value() && !policy.peers().isEmpty(), device.getName());
			assertTrue(!policy.dmaScopes().isEmpty() && policy.iommu().value() != null, device.getName());
			assertTrue(!policy.storageRules().isEmpty(), device.getName());
		}
	}

	@Test
	void theLegacyDesktopSelectsTheIntelPro100ByItsPciId() {
		Device lab = FLEET.devices().stream().filter(d -> d.getName().equals("lab-101")).findFirst().orElseThrow();
		var nics = EffectivePolicies.resolve(lab).nics();
		assertEquals(1, nics.size());
		assertEquals("8086:1229", ((dev.parapet.policy.policy.PciById) nics.get(0).getSelector()).getId());
	}
}
