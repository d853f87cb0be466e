// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;

import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.PolicyFile;
import dev.parapet.policy.validation.IssueCodes;
import dev.parapet.tests.base.PolicyTestSupport;

/** Imports resolve relative to the importing file; names are global but only imported files are visible. */
class ScopingTest {

	@Test
	void anImportResolvesRelativeToTheImportingFileInAStandaloneResourceSet() {
		Path folder = PolicyTestSupport.writeFleet(Map.of(
				"common.parapet", "profile office {\n}\n",
				"sub/dir/devices.parapet", "import \"../../common.parapet\"\n\ndevice d extends office {\n}\n"));
		try {
			XtextResourceSet set = PolicyTestSupport.injector().getInstance(XtextResourceSet.class);
			var devices = set.getResource(URI.createFileURI(folder.resolve("sub/dir/devices.parapet").toString()), true);
			Device device = (Device) ((PolicyFile) devices.getContents().get(0)).getElements().get(0);
			assertFalse(device.getParent().eIsProxy());
			assertEquals("office", device.getParent().getName());
			assertEquals(URI.createFileURI(folder.resolve("common.parapet").toString()), device.getParent().eResource().getURI());
		} finally {
			PolicyTestSupport.delete(folder);
		}
	}

	@Test
	void anElementOfAFileThatIsNotImportedIsNotVisible() {
		var found = PolicyTestSupport.check(Map.of(
				"common.parapet", "profile office {\n}\n",
				"devices.parapet", "device d extends office {\n}\n"));
		assertTrue(found.stream().anyMatch(d -> d.code().equals(IssueCodes.UNRESOLVED_REFERENCE)
				&& d.message().equals("Unknown profile office (is the file that declares it imported?)")), found::toString);
	}

	@Test
	void theFleetLoaderLoadsEachFileOnceEvenWhenItIsImportedThroughADifferentPath() {
		Path folder = PolicyTestSupport.writeFleet(Map.of(
				"common.parapet", "profile office {\n}\n",
				"a/devices.parapet", "import \"../common.parapet\"\n\ndevice d extends office {\n}\n",
				"b/more.parapet", "import \"../a/../common.parapet\"\n\ndevice e extends office {\n}\n"));
		try {
			var fleet = PolicyTestSupport.load(folder);
			assertEquals(3, fleet.resourceSet().getResources().size());
			EcoreUtil.resolveAll(fleet.resourceSet());
			assertSame(fleet.devices().get(0).getParent(), fleet.devices().get(1).getParent());
			assertTrue(fleet.diagnostics().stream().noneMatch(d -> d.code().equals(IssueCodes.DUPLICATE_NAME)));
		} finally {
			PolicyTestSupport.delete(folder);
		}
	}

	@Test
	void ruleNamesAreLocalToTheirSectionAndMayRepeatAcrossDevices() {
		var found = PolicyTestSupport.check(Fixture.devices("device d2 extends std {\nusb {\nmatch stick vendor \"0951\" deny\n}\n}\n\n"
				+ "device d3 extends std {\nusb {\nmatch stick vendor \"0951\" deny\n}\n}").files());
		assertEquals(List.of(), found);
	}
}
