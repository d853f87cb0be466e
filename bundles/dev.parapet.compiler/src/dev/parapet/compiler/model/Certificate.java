// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.model;

import dev.parapet.compiler.internal.Sha256;

/**
 * A certificate the policy refers to, as DER, with the name it has in the fleet and the line that
 * names it.
 */
public record Certificate(String name, byte[] der, SourceLink source) {

	public Certificate {
		der = der.clone();
	}

	@Override
	public byte[] der() {
		return der.clone();
	}

	/** SHA-256 of the DER encoding. */
	public byte[] sha256() {
		return Sha256.of(der);
	}
}
