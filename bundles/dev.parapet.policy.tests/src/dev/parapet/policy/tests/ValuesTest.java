// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.parapet.policy.values.IpPrefix;
import dev.parapet.policy.values.PciAddress;
import dev.parapet.policy.values.PciId;
import dev.parapet.policy.values.Pkcs11Uri;
import dev.parapet.policy.validation.FleetHeaderValidator;

/** The literal parsers the compiler shares with the validator. */
class ValuesTest {

	@Test
	void pciAddressesTakeAnOptionalSegmentAndLimitDeviceAndFunction() {
		assertEquals(new PciAddress(0, 0x04, 0x00, 0), PciAddress.parse("04:00.0").orElseThrow());
		assertEquals(new PciAddress(1, 0xff, 0x1f, 7), PciAddress.parse("0001:ff:1f.7").orElseThrow());
		assertTrue(PciAddress.parse("00:20.0").isEmpty());
		assertTrue(PciAddress.parse("00:1f.8").isEmpty());
		assertTrue(PciAddress.parse("100:00.0").isEmpty());
		assertTrue(PciAddress.parse("00-1f.0").isEmpty());
	}

	@Test
	void pciIdsAreTwoGroupsOfFourHexDigits() {
		assertEquals(new PciId(0x8086, 0x1229), PciId.parse("8086:1229").orElseThrow());
		assertTrue(PciId.parse("8086:129").isEmpty());
		assertTrue(PciId.parse("8086-1229").isEmpty());
	}

	@Test
	void ipPrefixesAcceptIpv4AndIpv6WithoutEverResolvingNames() {
		IpPrefix v4 = IpPrefix.parse("10.1.0.0/16").orElseThrow();
		assertEquals(16, v4.length());
		assertFalse(v4.isIpv6());
		IpPrefix v6 = IpPrefix.parse("2001:db8::/32").orElseThrow();
		assertTrue(v6.isIpv6());
		assertEquals(32, v6.length());
		assertEquals(128, IpPrefix.parse("::1").orElseThrow().length());
		assertTrue(IpPrefix.parse("vpn.example.com").isEmpty());
		assertTrue(IpPrefix.parse("10.0.0.1/33").isEmpty());
		assertTrue(IpPrefix.parse("10.0.0").isEmpty());
		assertTrue(IpPrefix.parse("01.2.3.4").isEmpty());
		assertTrue(IpPrefix.parse("fe80::1%eth0").isEmpty());
		assertTrue(IpPrefix.parseAddress("10.0.0.1/32").isEmpty());
	}

	@Test
	void pkcs11UrisFollowRfc7512AndNeverCarryAPin() {
		Pkcs11Uri.Result ok = Pkcs11Uri.parse("pkcs11:token=My%20Token;object=sign;type=private?module-path=/usr/lib/softhsm/libsofthsm2.so");
		assertNull(ok.problem());
		assertEquals("My%20Token", ok.uri().orElseThrow().path().get("token"));
		assertFalse(ok.uri().orElseThrow().carriesSecret());
		assertTrue(Pkcs11Uri.parse("pkcs11:object=k?pin-value=1234").uri().orElseThrow().carriesSecret());
		assertTrue(Pkcs11Uri.parse("pkcs12:object=k").problem().contains("pkcs11:"));
		assertTrue(Pkcs11Uri.parse("pkcs11:colour=red").problem().contains("unknown attribute colour"));
		assertTrue(Pkcs11Uri.parse("pkcs11:type=secret").problem().contains("type secret"));
		assertTrue(Pkcs11Uri.parse("pkcs11:object=a b").problem().contains("percent-encoding"));
		assertTrue(Pkcs11Uri.parse("pkcs11:object=a;object=b").problem().contains("twice"));
		assertNull(Pkcs11Uri.parse("pkcs11:").problem());
	}

	@Test
	void bitvisorCommitsMatchByAbbreviationOrFullHash() {
		assertTrue(FleetHeaderValidator.isKnownCommit("66559d6"));
		assertTrue(FleetHeaderValidator.isKnownCommit("66559d6aa0c4b0b9f1d9e1d2c3b4a5968778695a"));
		assertFalse(FleetHeaderValidator.isKnownCommit("66559d"));
		assertFalse(FleetHeaderValidator.isKnownCommit("1234567"));
	}
}
