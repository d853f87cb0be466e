// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.ui.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * What the bake wizard collected (everything but the PINs, which never leave char arrays).
 *
 * @param devices   devices to bake
 * @param out       output folder
 * @param runtime   hv-runtime's unsigned EFI binary
 * @param cardCerts 9A certificates by card UID (unused when {@code registry} is set)
 * @param cardKeys  9D certificates by card UID (unused when {@code registry} is set)
 * @param created   SOURCE_DATE_EPOCH
 * @param jobs      devices baked in parallel
 * @param keyStore  the storage-key store, or {@code null} for ephemeral storage keys
 * @param keyStoreKey its master key ({@code pkcs12:FILE#ALIAS} or a {@code pkcs11:} URI), or {@code null}
 * @param createKeyStore whether a missing store may be created
 * @param registry  the card registry (path or JDBC URL) read instead of the certificate folders, or {@code null}
 */
record BakeSettings(List<String> devices, Path out, Path runtime, Path cardCerts, Path cardKeys, long created, int jobs, Path keyStore,
		String keyStoreKey, boolean createKeyStore, String registry) {
}
