// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.parapet.compiler.CardCertificateDirectory;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.RegistryCardCertificates;
import dev.parapet.compiler.SigningKeys;
import dev.parapet.compiler.keys.KeySourceException;
import dev.parapet.compiler.keys.Pkcs11KeySource;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.compiler.keys.SecretSource;
import dev.parapet.image.CardKeyDirectory;
import dev.parapet.image.FleetBake;
import dev.parapet.image.FleetImageInputs;
import dev.parapet.image.KeyManagementCertificateDirectory;
import dev.parapet.image.KeyRandomness;
import dev.parapet.image.RegistryCardKeyDirectory;
import dev.parapet.image.SecureBootKeys;
import dev.parapet.image.SigningKey;
import dev.parapet.image.StorageKeyStore;
import dev.parapet.image.StorageKeyStoreMasterKey;
import dev.parapet.image.StorageKeys;
import dev.parapet.registry.CardDirectory;
import dev.parapet.registry.RegistryException;
import dev.parapet.registry.RegistryTarget;

/**
 * Runs a bake for the wizard, the same way {@code parapet bake} does, reporting each device to a
 * progress monitor and stopping (no new devices, no bundle) when the monitor is cancelled.
 */
final class BakeRun {

	private BakeRun() {
	}

	/**
	 * Bakes, with the cards' certificates from the folders or from the card registry; the caller wipes the
	 * PIN arrays. A registry that cannot be opened fails the bake with the registry's error.
	 */
	static FleetBake.Result run(LoadedFleet fleet, BakeSettings s, char[] policyPin, char[] secureBootPin, char[] keyStorePin,
			char[] registryPassword, IProgressMonitor monitor) throws IOException {
		if (s.registry() == null) {
			return run(fleet, s, policyPin, secureBootPin, keyStorePin, new PolicyCompiler(new CardCertificateDirectory(s.cardCerts())),
					new KeyManagementCertificateDirectory(s.cardKeys()), monitor);
		}
		try (CardDirectory registry = CardDirectory.open(RegistryTarget.existing(s.registry(), Path.of("").toAbsolutePath(),
				registryPassword.clone()))) {
			return run(fleet, s, policyPin, secureBootPin, keyStorePin, new PolicyCompiler(new RegistryCardCertificates(registry)),
					new RegistryCardKeyDirectory(registry), monitor);
		} catch (RegistryException e) {
			throw new IOException("card registry: " + e.getMessage(), e);
		}
	}

	private static FleetBake.Result run(LoadedFleet fleet, BakeSettings s, char[] policyPin, char[] secureBootPin, char[] keyStorePin,
			PolicyCompiler compiler, CardKeyDirectory cardKeys, IProgressMonitor monitor) throws IOException {
		if (s.keyStore() == null) {
			return run(fleet, s, policyPin, secureBootPin, compiler, cardKeys, StorageKeys.ephemeral(KeyRandomness.secure()), monitor);
		}
		try (StorageKeyStoreMasterKey master = StorageKeyStoreMasterKey.open(s.keyStoreKey(), s.keyStore().toAbsolutePath().getParent(),
				SecretSource.given(keyStorePin, "the bake wizard"), Pkcs11KeySource.DEFAULT_MODULE);
				StorageKeyStore store = s.createKeyStore() ? StorageKeyStore.openOrCreate(s.keyStore(), master)
						: StorageKeyStore.open(s.keyStore(), master)) {
			return run(fleet, s, policyPin, secureBootPin, compiler, cardKeys, store, monitor);
		}
	}

	private static FleetBake.Result run(LoadedFleet fleet, BakeSettings s, char[] policyPin, char[] secureBootPin, PolicyCompiler compiler,
			CardKeyDirectory cardKeys, StorageKeys storageKeys, IProgressMonitor monitor) throws IOException {
		monitor.beginTask("Baking " + s.devices().size() + " images of fleet " + fleet.fleet().getName(), s.devices().size());
		byte[] efi = Files.readAllBytes(s.runtime());
		String version = "sha256-" + HexFormat.of().formatHex(sha256(efi)).substring(0, 12);
		AtomicBoolean cancel = new AtomicBoolean();
		try (PolicySigner signer = SigningKeys.open(fleet.fleet(), SecretSource.given(policyPin, "the bake wizard"))) {
			SigningKey secureBoot = SecureBootKeys.open(fleet.fleet(), SecretSource.given(secureBootPin, "the bake wizard"),
					Pkcs11KeySource.DEFAULT_MODULE);
			FleetImageInputs inputs = new FleetImageInputs(fleet, compiler, signer, secureBoot, cardKeys, efi, version, s.created(), KeyRandomness.secure(),
					storageKeys);
			FleetBake.Listener listener = new FleetBake.Listener() {
				@Override
				public void started(String device) {
					monitor.subTask("Baking " + device);
					if (monitor.isCanceled()) {
						cancel.set(true);
					}
				}

				@Override
				public void finished(String device, java.nio.file.Path image, long bytes) {
					monitor.worked(1);
				}

				@Override
				public void failed(String device, String message) {
					monitor.worked(1);
				}
			};
			return new FleetBake(s.out(), s.jobs(), true, listener).run(inputs.fleetName(), s.created(), s.devices(), inputs, cancel);
		} catch (KeySourceException e) {
			throw new IOException(e.getMessage(), e);
		} finally {
			monitor.done();
		}
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
