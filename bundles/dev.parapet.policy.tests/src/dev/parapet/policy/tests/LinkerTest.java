// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.PolicyFile;
import dev.parapet.tests.base.PolicyTestSupport;

/** Regression: a login section next to a model reference crashed Xtext's default lazy linker. */
class LinkerTest {

	@Test
	void aLoginSectionBesideAModelReferenceLinksBoth() {
		var resource = PolicyTestSupport.parse("""
				hardware m {
				}

				group g {
				}

				device d {
					model m
					login {
						required-group g
					}
				}
				""");
		assertEquals(List.of(), resource.getErrors());
		Device device = (Device) ((PolicyFile) resource.getContents().get(0)).getElements().get(2);
		assertEquals("m", device.getModel().getName());
		assertEquals("g", device.getLogin().getRequiredGroups().get(0).getName());
	}
}
