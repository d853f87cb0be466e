// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parapet.policy.fleet.LoadedFleet;
import dev.parapet.tests.base.PolicyTestSupport;

/** A 10 MB policy file loads, links and validates (its speed is a benchmark, not a test). */
class LargeFileTest {

	@Test
	void aTenMegabyteFleetFileIsParsedAndValidated() {
		StringBuilder devices = new StringBuilder(Fixture.DEVICES_HEADER);
		int count = 0;
		while (devices.length() < 10 * 1024 * 1024) {
			devices.append("/** Generated device ").append(count).append(". */\n")
					.append("device big-").append(count).append(" extends std {\n")
					.append("\tserial \"SN").append(count).append("\"\n")
					.append("\tusb {\n\t\tmatch stick vendor \"0951\" product \"1666\" read-only\n\t}\n")
					.append("\tstorage {\n\t\tdisk extra ahci 1 port 0 lba 0..2047 plain\n")
					.append("\t\tdisk rest ahci 1 port 0 lba 2048..end encrypt aes-xts-256 key k256\n\t}\n")
					.append("\tsettings {\n\t\tlog warn\n\t}\n}\n\n");
			count++;
		}
		assertTrue(devices.toString().getBytes(StandardCharsets.UTF_8).length >= 10 * 1024 * 1024);
		java.nio.file.Path folder = PolicyTestSupport.writeFleet(Map.of("fleet.parapet", Fixture.FLEET, "ca.pem", Fixture.CERTIFICATE,
				"common.parapet", Fixture.COMMON, "devices.parapet", devices.toString()));
		try {
			LoadedFleet fleet = PolicyTestSupport.load(folder);
			assertEquals(List.of(), fleet.diagnostics());
			assertEquals(count, fleet.devices().size());
		} finally {
			PolicyTestSupport.delete(folder);
		}
	}
}
