// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parapet.export.bitvisor.BitvisorExport;
import dev.parapet.export.bitvisor.BitvisorLayouts;
import dev.parapet.export.bitvisor.ConfigEntry;
import dev.parapet.export.bitvisor.ConfigText;
import dev.parapet.export.bitvisor.ExportRefusedException;
import dev.parapet.export.bitvisor.KeyDirectory;

class ExportTextTest {

	@Test
	void bitvisorConfObeysTheTextFormatRules() throws Exception {
		String conf = ExportFixtures.export("simple").conf();
		for (String line : conf.split("\n")) {
			if (line.startsWith("#")) {
				continue;
			}
			int equals = line.indexOf('=');
			assertTrue(equals > 0, line);
			String key = line.substring(0, equals);
			String value = line.substring(equals + 1);
			assertFalse(key.endsWith(" "), "no space before '=': " + line);
			assertFalse(value.contains("#"), line);
			assertTrue(BitvisorLayouts.forCommit("66559d6").field(key).isPresent(), "known key " + key);
			if (value.matches("-?[0-9]+")) {
				assertTrue(value.equals("0") || value.equals("-1") || !value.startsWith("0"), "decimal: " + line);
			}
		}
		assertTrue(conf.contains("storage.conf0.type=AHCI\n"), conf);
		assertTrue(conf.contains("storage.conf4.extend=usb_vendor_id=0951,usb_product_id=1666\n"), conf);
		assertTrue(conf.contains("storage.encryptionKey1.place=./keys/disk-key.1.key\n"), conf);
		assertTrue(conf.contains("vmm.panic_reboot=1\n"), conf);
	}

	@Test
	void textRulesRefuseHashesLongStringsAndOctalLookingNumbers() throws Exception {
		var layout = BitvisorLayouts.forCommit("66559d6");
		assertThrows(IllegalArgumentException.class,
				() -> ConfigText.render(layout, List.of(), List.of(new ConfigEntry("vpn.mode", "L3#IPsec"))));
		assertThrows(IllegalArgumentException.class,
				() -> ConfigText.render(layout, List.of(), List.of(new ConfigEntry("vpn.mode", "x".repeat(16)))));
		ConfigText.render(layout, List.of(), List.of(new ConfigEntry("vpn.mode", "x".repeat(15))));
		assertThrows(IllegalArgumentException.class,
				() -> ConfigText.render(layout, List.of(), List.of(new ConfigEntry("storage.conf0.lba_low", "010"))));
		assertThrows(IllegalArgumentException.class,
				() -> ConfigText.render(layout, List.of(), List.of(new ConfigEntry("vmm.no_such_key", "1"))));
	}

	@Test
	void anExportThatDegradesIsRefusedUnlessAllowed() throws Exception {
		var plan = ExportFixtures.plan("many");
		ExportRefusedException e = assertThrows(ExportRefusedException.class,
				() -> BitvisorExport.build(ExportFixtures.policy("many"), plan,
						new KeyDirectory(ExportFixtures.root().resolve("keys")), ExportFixtures.PASSPHRASE, new SecureRandom(),
						false));
		assertTrue(e.getMessage().contains("disk r9"), e.getMessage());
		assertTrue(e.getMessage().contains("login [piv-card]"), e.getMessage());
	}

	@Test
	void theReportListsEveryElementAndEveryDegradation() throws Exception {
		String report = ExportFixtures.export("simple").report();
		assertTrue(report.contains("| disk system | "), report);
		assertTrue(report.contains("storage.conf0 with key slot 0+1"), report);
		assertTrue(report.contains("| usb default deny |"), report);
		assertTrue(report.contains("| login [password] |"), report);
		assertTrue(report.contains("| panic reboot |"), report);
		assertTrue(report.contains("No signature anywhere"), report);
		var plan = ExportFixtures.plan("simple");
		for (var element : plan.elements()) {
			assertTrue(report.contains("| " + element.element() + " |"), element.element());
		}
		assertEquals(plan.elements().size(), report.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| element"))
				.count());
	}
}
