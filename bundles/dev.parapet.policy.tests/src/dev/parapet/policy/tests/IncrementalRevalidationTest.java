// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.junit.jupiter.api.Test;

import dev.parapet.policy.fleet.LoadedFleet;
import dev.parapet.policy.validation.IssueCodes;
import dev.parapet.tests.base.PolicyTestSupport;

/**
 * What an editor does: one file of a loaded fleet is reparsed and re-validated in the same resource
 * set. The fleet-wide facts are then updated from the edited file only; the findings must be those of
 * a fresh load of the fleet in its edited state.
 */
class IncrementalRevalidationTest {

	private static final String THIRD = "import \"common.parapet\"\n\ndevice d3 extends std {\n}\n";

	@Test
	void aNameDeclaredTwiceByAnEditIsReportedAgainstTheFirstOtherDeclarationInTheFleet() throws Exception {
		assertEditedFleetChecksLikeAFreshLoad(Fixture.base().put("more.parapet", THIRD).files(), "devices.parapet",
				"device d1 extends std {\n}\n", "device d1 extends std {\n}\n\ndevice d3 extends std {\n}\n\nprofile alice {\n}\n",
				IssueCodes.DUPLICATE_NAME, 2);
	}

	@Test
	void aDuplicateNameRemovedByAnEditIsNoLongerReported() throws Exception {
		Map<String, String> files = Fixture.devices("device d3 extends std {\n}").put("more.parapet", THIRD).files();
		assertEditedFleetChecksLikeAFreshLoad(files, "devices.parapet", "device d3 extends std {\n}", "device d4 extends std {\n}",
				IssueCodes.DUPLICATE_NAME, 0);
	}

	@Test
	void aStorageKeyLeftUnusedByAnEditOfItsFileIsReported() throws Exception {
		assertEditedFleetChecksLikeAFreshLoad(Fixture.base().files(), "common.parapet",
				"disk data ahci 0 port 1 whole encrypt aes-xts-128 key k128", "disk data ahci 0 port 1 whole plain",
				IssueCodes.UNUSED_STORAGE_KEY, 1);
	}

	@Test
	void aCardListedTwiceByAnEditIsReported() throws Exception {
		assertEditedFleetChecksLikeAFreshLoad(Fixture.base().files(), "common.parapet", "group staff {",
				"holder bob {\n\tcard \"01020304\"\n}\n\ngroup staff {", IssueCodes.DUPLICATE_CARD, 2);
	}

	private static void assertEditedFleetChecksLikeAFreshLoad(Map<String, String> files, String file, String from, String to,
			String code, int expected) throws java.io.IOException {
		Path folder = PolicyTestSupport.writeFleet(files);
		Path edited = PolicyTestSupport.writeFleet(withEdit(files, file, from, to));
		try {
			LoadedFleet fleet = PolicyTestSupport.load(folder);
			XtextResource resource = (XtextResource) fleet.resourceSet()
					.getResource(URI.createFileURI(folder.resolve(file).toAbsolutePath().normalize().toString()), false);
			String text = resource.getParseResult().getRootNode().getText();
			assertTrue(text.contains(from), text);
			resource.reparse(text.replace(from, to));
			IResourceValidator validator = PolicyTestSupport.injector().getInstance(IResourceValidator.class);
			TreeSet<String> revalidated = new TreeSet<>();
			validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)
					.forEach(issue -> revalidated.add(issue.getLineNumber() + " " + issue.getCode() + " " + issue.getMessage()));

			TreeSet<String> fresh = new TreeSet<>();
			Path freshFile = edited.resolve(file).toAbsolutePath().normalize();
			PolicyTestSupport.load(edited).diagnostics().stream().filter(d -> d.file().equals(freshFile))
					.forEach(d -> fresh.add(d.line() + " " + d.code() + " " + d.message()));
			assertEquals(fresh, revalidated);
			assertEquals(expected, revalidated.stream().filter(finding -> finding.contains(" " + code + " ")).count(),
					revalidated::toString);
		} finally {
			PolicyTestSupport.delete(folder);
			PolicyTestSupport.delete(edited);
		}
	}

	private static Map<String, String> withEdit(Map<String, String> files, String file, String from, String to) {
		Map<String, String> copy = new HashMap<>(files);
		copy.put(file, copy.get(file).replace(from, to));
		return copy;
	}
}
