// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.Document;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

import dev.parapet.policy.policy.PolicyFile;
import dev.parapet.policy.ui.internal.build.ProblemMarkers;
import dev.parapet.policy.ui.internal.editor.DeclarationFinder;
import dev.parapet.policy.ui.internal.editor.HoverText;
import dev.parapet.policy.ui.internal.editor.SourceFormatter;
import dev.parapet.policy.ui.internal.model.ModelStructure;
import dev.parapet.policy.ui.internal.model.PolicySnapshot;
import dev.parapet.policy.validation.IssueCodes;

/** The language services behind the editor, on a two-file fleet parsed the way the editor parses. */
class LanguageServicesTest {

	private static final String PROFILES = """
			fleet acme {
				runtime parapet
			}

			/** Standard office laptop. */
			profile office {
				usb {
					default deny
				}
			}
			""";

	private static final String DEVICES = """
			import "profiles.parapet"

			device lap-1 extends office {
				serial "X1"
				storage {
					disk system nvme 0 whole plain
				}
				usb {
					match stick vendor "0951" read-only
				}
			}
			""";

	private static PolicySnapshot devices(String text) throws Exception {
		return new Texts().with("profiles.parapet", PROFILES).with("devices.parapet", DEVICES).edit("devices.parapet",
				text);
	}

	@Test
	void aReferenceLeadsToItsDeclarationInAnotherFile() throws Exception {
		PolicySnapshot snapshot = devices(DEVICES);
		DeclarationFinder.Link link = DeclarationFinder.at(snapshot, DEVICES.indexOf("office") + 2).orElseThrow();
		assertEquals("profiles.parapet", link.file().lastSegment());
		assertEquals(PROFILES.indexOf("profile office") + "profile ".length(), link.targetRegion().getOffset());
		assertEquals("office".length(), link.targetRegion().getLength());
		assertEquals(DEVICES.indexOf("office"), link.reference().getOffset());
	}

	@Test
	void theHoverNamesTheKindAndQuotesTheDocumentationComment() throws Exception {
		PolicySnapshot snapshot = devices(DEVICES);
		EObject profile = DeclarationFinder.namedAt(snapshot, DEVICES.indexOf("office")).orElseThrow();
		String hover = HoverText.plain(profile);
		assertTrue(hover.startsWith("profile office - profile"), hover);
		assertTrue(hover.contains("Standard office laptop."), hover);
		assertTrue(hover.contains("profiles.parapet, line 6"), hover);
	}

	@Test
	void anUnresolvedReferenceIsReportedWithItsPpCode() throws Exception {
		String typo = DEVICES.replace("extends office", "extends offce");
		Issue unresolved = devices(typo).issues().stream()
				.filter(i -> IssueCodes.UNRESOLVED_REFERENCE.equals(ProblemMarkers.codeOf(i))).findFirst().orElseThrow();
		assertEquals(typo.indexOf("offce"), unresolved.getOffset());
		assertEquals("offce".length(), unresolved.getLength());
		assertTrue(devices(DEVICES).issues().stream()
				.noneMatch(i -> IssueCodes.UNRESOLVED_REFERENCE.equals(ProblemMarkers.codeOf(i))));
	}

	@Test
	void aSyntaxErrorIsReportedAsPp1010() throws Exception {
		List<Issue> issues = devices(DEVICES.replace("serial \"X1\"", "serial")).issues();
		assertTrue(issues.stream().anyMatch(i -> IssueCodes.SYNTAX_ERROR.equals(ProblemMarkers.codeOf(i))),
				issues.toString());
	}

	@Test
	void theNavigatorFlattensSectionsAndTheOutlineKeepsThem() throws Exception {
		PolicyFile model = devices(DEVICES).model().orElseThrow();
		EObject device = ModelStructure.children(model, false).get(0);
		assertEquals("device lap-1", ModelStructure.label(device));
		assertEquals("extends office", ModelStructure.detail(device));
		assertEquals(List.of("storage", "usb"),
				ModelStructure.children(device, false).stream().map(ModelStructure::label).toList());
		assertEquals(List.of("disk system", "match stick"),
				ModelStructure.children(device, true).stream().map(ModelStructure::label).toList());
	}

	@Test
	void formattingLaysOutASquashedDeviceAndIsStable() throws Exception {
		String squashed = "import \"profiles.parapet\"\ndevice   lap-1 extends office {   serial \"X1\"   }\n";
		Document document = new Document(squashed);
		SourceFormatter.apply(document, SourceFormatter.replacements(devices(squashed).resource(), null));
		String formatted = document.get();
		assertTrue(formatted.contains("device lap-1 extends office {\n"), formatted);
		assertTrue(formatted.contains("\n\tserial \"X1\"\n}"), formatted);
		assertEquals(List.of(), SourceFormatter.replacements(devices(formatted).resource(), null));
	}
}
