// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.tests;

import java.io.IOException;

import dev.parapet.policy.ui.internal.model.PolicySnapshot;

/** Entry point for tests in other packages of this fragment. */
public final class TestFleets {

	private TestFleets() {
	}

	/** A one-file fleet parsed and validated as the editor does. */
	public static PolicySnapshot single(String name, String text) throws IOException {
		return new Texts().with(name, text).edit(name, text);
	}
}
