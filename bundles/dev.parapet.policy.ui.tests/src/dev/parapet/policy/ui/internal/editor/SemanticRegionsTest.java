// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.jface.text.TextAttribute;
import org.junit.jupiter.api.Test;

import dev.parapet.policy.ui.internal.model.PolicySnapshot;
import dev.parapet.policy.ui.tests.TestFleets;

class SemanticRegionsTest {

	@Test
	void declaredNamesAndReferencesGetTheirOwnStyles() throws Exception {
		String text = "profile office {\n}\ndevice lap-1 extends office {\n}\n";
		PolicySnapshot snapshot = TestFleets.single("fleet.parapet", text);
		List<SemanticRegions.Region> regions = SemanticRegions.of(snapshot);
		assertEquals(List.of(region(text.indexOf("office"), 6, PolicyStyles.DECLARATION),
				region(text.indexOf("lap-1"), 5, PolicyStyles.DECLARATION),
				region(text.lastIndexOf("office"), 6, PolicyStyles.REFERENCE)), regions);
	}

	private static SemanticRegions.Region region(int offset, int length, TextAttribute style) {
		return new SemanticRegions.Region(offset, length, style);
	}
}
