// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small fleet folder for validation tests: a clean base fleet (header, people, keys, one
 * hardware model, one profile, one device) that individual cases extend or edit.
 */
final class Fixture {

	static final String FLEET = """
			fleet t {
				runtime parapet
				trust-anchor ca file "ca.pem"
				policy-signing-key pkcs11 "pkcs11:token=t;object=sign;type=private"
				rollback-counter 1
				defaults {
					dma {
						iommu vt-d
					}
					login {
						piv-card
					}
				}
			}
			""";

	static final String COMMON = """
			import "fleet.parapet"

			holder alice {
				card "01020304"
			}

			group staff {
				holders alice
			}

			storage-key k256 {
				strength xts-256
				origin generated
				wrap-to staff
			}

			storage-key k128 {
				strength xts-128
				origin generated
				wrap-to staff
			}

			hardware hw {
				pci "00:02.0" id "8086:1229" class "0200"
				pci "00:1f.2" id "8086:2922" class "0106"
				dmar main base "0xfed90000" include-all
			}

			profile std {
				model hw
				storage {
					disk sys ahci 0 port 0 whole encrypt aes-xts-256 key k256
					disk data ahci 0 port 1 whole encrypt aes-xts-128 key k128
				}
			}
			""";

	/** A real (self-signed, public) test certificate: the example fleet's card CA. */
	static final String CERTIFICATE = readExampleCertificate();

	private static String readExampleCertificate() {
		try {
			return java.nio.file.Files.readString(
					dev.parapet.tests.base.PolicyTestSupport.exampleFleet().resolve("pki/acme-card-ca.pem"));
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static final String DEVICES_HEADER = "import \"common.parapet\"\n\n";

	private final Map<String, String> files = new LinkedHashMap<>();

	private Fixture() {
		files.put("fleet.parapet", FLEET);
		files.put("ca.pem", CERTIFICATE);
		files.put("common.parapet", COMMON);
		files.put("devices.parapet", DEVICES_HEADER + "device d1 extends std {\n}\n");
	}

	/** The clean base fleet. */
	static Fixture base() {
		return new Fixture();
	}

	/** The base fleet with text appended to the devices file. */
	static Fixture devices(String text) {
		return base().append("devices.parapet", text);
	}

	Fixture append(String file, String text) {
		files.merge(file, "\n" + text, String::concat);
		return this;
	}

	Fixture put(String file, String content) {
		files.put(file, content);
		return this;
	}

	Fixture remove(String file) {
		files.remove(file);
		return this;
	}

	/** Replaces text in one file; fails loudly when the text is not there (a broken fixture). */
	Fixture replace(String file, String from, String to) {
		String content = files.get(file);
		if (content == null || !content.contains(from)) {
			throw new IllegalArgumentException(file + " does not contain: " + from);
		}
		files.put(file, content.replace(from, to));
		return this;
	}

	Map<String, String> files() {
		return Map.copyOf(files);
	}
}
