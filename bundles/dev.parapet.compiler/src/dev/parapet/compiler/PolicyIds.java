// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler;

import java.util.ArrayList;
import java.util.List;

import dev.parapet.compiler.cbor.CborEncoder;
import dev.parapet.compiler.cbor.CborItem;
import dev.parapet.compiler.internal.Sha256;

/**
 * The policy id of docs/formats.md 1.4: SHA-256 of the deterministic encoding of the payload map
 * with key 4 left out.
 */
public final class PolicyIds {

	public static final long KEY = 4;

	private PolicyIds() {
	}

	/** The id of a payload map; any key 4 in it is ignored. */
	public static byte[] of(CborItem.Map payload) {
		List<CborItem.Entry> rest = new ArrayList<>();
		for (CborItem.Entry entry : payload.entries()) {
			if (!(entry.key() instanceof CborItem.UnsignedInt key && key.value() == KEY)) {
				rest.add(entry);
			}
		}
		return Sha256.of(CborEncoder.encode(new CborItem.Map(rest)));
	}
}
