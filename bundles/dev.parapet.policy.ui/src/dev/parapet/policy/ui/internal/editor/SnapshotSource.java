// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import dev.parapet.policy.ui.internal.model.PolicySnapshot;

/** Gives the parse of an editor text: the latest background parse if it is current, else a fresh one. */
@FunctionalInterface
interface SnapshotSource {

	/** A snapshot parsed from exactly {@code text} (without validation if it had to be parsed now). */
	PolicySnapshot snapshotOf(String text);
}
