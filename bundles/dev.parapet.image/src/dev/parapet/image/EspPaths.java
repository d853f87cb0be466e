// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

/** Where each part of a Parapet image sits on the ESP ('/'-separated, as written to FAT). */
public final class EspPaths {

	/** hv-runtime, the removable-media boot path for x86-64. */
	public static final String RUNTIME = "EFI/BOOT/BOOTX64.EFI";
	/** The signed policy blob. */
	public static final String POLICY = "EFI/parapet/policy.cose";
	/** The key envelopes. */
	public static final String ENVELOPES = "EFI/parapet/envelopes.cbor";
	/** The CycloneDX SBOM. */
	public static final String SBOM = "EFI/parapet/sbom.cdx.json";
	/** The signed manifest. */
	public static final String MANIFEST = "EFI/parapet/manifest.p7s";

	private EspPaths() {
	}

	/** The UEFI form of a path ({@code \EFI\BOOT\BOOTX64.EFI}), as the manifest records it. */
	public static String uefi(String path) {
		return "\\" + path.replace('/', '\\');
	}
}
