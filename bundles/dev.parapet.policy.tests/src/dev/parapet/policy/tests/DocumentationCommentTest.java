// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.junit.jupiter.api.Test;

import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.IpsecPeer;
import dev.parapet.policy.policy.PolicyFile;
import dev.parapet.tests.base.PolicyTestSupport;

/** A {@code /** ... *&#47;} comment before an element is its documentation (hover and reports show it). */
class DocumentationCommentTest {

	private final IEObjectDocumentationProvider documentation = PolicyTestSupport.injector()
			.getInstance(IEObjectDocumentationProvider.class);

	@Test
	void aDocumentationCommentDocumentsTheElementThatFollows() {
		PolicyFile file = (PolicyFile) PolicyTestSupport.parse("""
				// SPDX-License-Identifier: EPL-2.0

				/**
				 * Reception desk,
				 * ground floor.
				 */
				device lap-001 {
				}
				""").getContents().get(0);
		assertEquals("Reception desk,\nground floor.", documentation.getDocumentation(file.getElements().get(0)));
	}

	@Test
	void aNestedRuleHasItsOwnDocumentation() {
		PolicyFile file = (PolicyFile) PolicyTestSupport.parse("""
				device d {
					network {
						/** Headquarters gateway. */
						peer hq {
						}
					}
				}
				""").getContents().get(0);
		IpsecPeer peer = ((Device) file.getElements().get(0)).getNetwork().getPeers().get(0);
		assertEquals("Headquarters gateway.", documentation.getDocumentation(peer));
	}

	@Test
	void plainBlockAndLineCommentsAreNotDocumentation() {
		PolicyFile file = (PolicyFile) PolicyTestSupport.parse("""
				/* just a note */
				device a {
				}

				// another note
				device b {
				}
				""").getContents().get(0);
		assertNull(documentation.getDocumentation(file.getElements().get(0)));
		assertNull(documentation.getDocumentation(file.getElements().get(1)));
	}

	@Test
	void theExampleProfilesCarryTheirDocumentation() {
		var fleet = PolicyTestSupport.load(PolicyTestSupport.exampleFleet());
		var office = fleet.elements(dev.parapet.policy.policy.Profile.class).stream()
				.filter(p -> p.getName().equals("office-laptop")).findFirst().orElseThrow();
		assertEquals("Standard office laptop: encrypted NVMe, every packet through the headquarters VPN,\n"
				+ "only approved transfer sticks, Thunderbolt DMA denied.", documentation.getDocumentation(office));
	}
}
