// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.model;

import java.net.InetAddress;

/** An address and prefix length, as {@code "10.0.0.0/8"} or {@code "::/0"}. */
public record IpPrefix(InetAddress address, int length) {

	@Override
	public String toString() {
		return address.getHostAddress() + "/" + length;
	}
}
