// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.CompiledPolicy;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.image.internal.crypto.P256;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.Group;
import dev.parapet.policy.policy.Holder;
import dev.parapet.policy.policy.RecoveryCertificate;
import dev.parapet.policy.policy.StorageKey;

/**
 * The inputs of every device of a loaded fleet: its policy compiled and signed by the compiler,
 * the recipients of each storage key from the fleet's groups ({@code wrap-to}, following
 * {@code includes}) and recovery certificates ({@code escrow}), card keys from a
 * {@link CardKeyDirectory}, and the fleet-wide runtime, keys and time.
 */
public final class FleetImageInputs implements FleetBake.Inputs {

	private final LoadedFleet fleet;
	private final PolicyCompiler compiler;
	private final PolicySigner policySigner;
	private final SigningKey secureBoot;
	private final CardKeyDirectory cards;
	private final byte[] runtime;
	private final String runtimeVersion;
	private final long sourceDateEpoch;
	private final KeyRandomness randomness;
	private final StorageKeys storageKeySource;
	private final Map<String, StorageKey> storageKeys = new HashMap<>();
	private final Map<String, CardKey> cardCache = new ConcurrentHashMap<>();
	private final Object modelLock = new Object();

	/**
	 * @param fleet           the loaded, validated fleet
	 * @param compiler        compiles device policies (with the fleet's card certificates)
	 * @param policySigner    the fleet's policy-signing key (ES256); its public key goes into {@code .pppkey}
	 * @param secureBoot      the fleet's Secure Boot key
	 * @param cards           card 9D certificates by card id
	 * @param runtime         hv-runtime's unsigned EFI binary
	 * @param runtimeVersion  its version
	 * @param sourceDateEpoch creation time of blobs and images
	 * @param randomness      key randomness (secure, or deterministic test keys); storage keys are ephemeral
	 */
	public FleetImageInputs(LoadedFleet fleet, PolicyCompiler compiler, PolicySigner policySigner, SigningKey secureBoot,
			CardKeyDirectory cards, byte[] runtime, String runtimeVersion, long sourceDateEpoch, KeyRandomness randomness) {
		this(fleet, compiler, policySigner, secureBoot, cards, runtime, runtimeVersion, sourceDateEpoch, randomness,
				StorageKeys.ephemeral(randomness));
	}

	/**
	 * As {@link #FleetImageInputs(LoadedFleet, PolicyCompiler, PolicySigner, SigningKey, CardKeyDirectory, byte[], String, long, KeyRandomness)}
	 * with the storage keys taken from {@code storageKeySource} (a {@link StorageKeyStore} keeps them across bakes).
	 */
	public FleetImageInputs(LoadedFleet fleet, PolicyCompiler compiler, PolicySigner policySigner, SigningKey secureBoot,
			CardKeyDirectory cards, byte[] runtime, String runtimeVersion, long sourceDateEpoch, KeyRandomness randomness,
			StorageKeys storageKeySource) {
		this.fleet = fleet;
		this.compiler = compiler;
		this.policySigner = policySigner;
		this.secureBoot = secureBoot;
		this.cards = cards;
		this.runtime = runtime;
		this.runtimeVersion = runtimeVersion;
		this.sourceDateEpoch = sourceDateEpoch;
		this.randomness = randomness;
		this.storageKeySource = storageKeySource;
		for (Resource r : List.copyOf(fleet.resourceSet().getResources())) {
			for (TreeIterator<EObject> it = r.getAllContents(); it.hasNext();) {
				if (it.next() instanceof StorageKey k && k.getName() != null) {
					storageKeys.put(k.getName(), k);
				}
			}
		}
	}

	/** The fleet's name (its id in blobs and images). */
	public String fleetName() {
		return fleet.fleet().getName();
	}

	/** Names of all devices, sorted. */
	public List<String> deviceNames() {
		return fleet.devices().stream().map(Device::getName).sorted().toList();
	}

	@Override
	public DeviceImageInputs of(String name) throws ImageBakeException, IOException {
		Device device = fleet.device(name).orElseThrow(() -> new ImageBakeException(name + ": no such device in fleet " + fleetName()));
		CompiledPolicy compiled;
		Map<String, KeyRecipients> recipients = new TreeMap<>();
		// EMF models are not thread-safe; compiling is quick next to signing and laying out the disk
		synchronized (modelLock) {
			try {
				compiled = compiler.compile(device, sourceDateEpoch, policySigner);
			} catch (CompileException e) {
				throw new ImageBakeException(name + ": " + e.getMessage(), e);
			} catch (java.security.GeneralSecurityException e) {
				throw new ImageBakeException(name + ": policy signing failed: " + e.getMessage(), e);
			}
			for (var k : compiled.model().keySlots()) {
				String id = k.keyId();
				StorageKey key = storageKeys.get(id);
				if (key == null) {
					throw new ImageBakeException(name + ": storage key " + id + " of the compiled policy is not in the fleet");
				}
				recipients.put(id, new KeyRecipients(cardsOf(key), escrowOf(key)));
			}
		}
		if (!(policySigner.certificate().getPublicKey() instanceof ECPublicKey policyKey) || !P256.isP256(policyKey)) {
			throw new ImageBakeException("policy-signing key of fleet " + fleetName() + " is not P-256");
		}
		return new DeviceImageInputs(fleetName(), name, compiled.blob(), runtime, runtimeVersion, policyKey, secureBoot, recipients,
				sourceDateEpoch, randomness, storageKeySource);
	}

	private List<CardKey> cardsOf(StorageKey key) throws IOException {
		Set<Holder> holders = new LinkedHashSet<>();
		Set<Group> seen = new LinkedHashSet<>();
		Deque<Group> pending = new ArrayDeque<>(key.getWrapTo());
		while (!pending.isEmpty()) {
			Group g = pending.removeFirst();
			if (g.eIsProxy() || !seen.add(g)) {
				continue;
			}
			g.getHolders().stream().filter(h -> !h.eIsProxy()).forEach(holders::add);
			pending.addAll(g.getIncludes());
		}
		List<CardKey> out = new ArrayList<>();
		for (Holder h : holders) {
			for (String card : h.getCards()) {
				CardKey c = cardCache.get(card);
				if (c == null) {
					c = new CardKey(card, h.getName(), cards.keyManagementCertificate(card));
					cardCache.put(card, c);
				}
				out.add(c);
			}
		}
		return out;
	}

	private static Optional<X509Certificate> escrowOf(StorageKey key) throws IOException {
		RecoveryCertificate rc = key.getEscrow();
		if (rc == null || rc.eIsProxy()) {
			return Optional.empty();
		}
		Path base = Path.of(rc.eResource().getURI().toFileString()).getParent();
		Path file = base.resolve(rc.getFile());
		if (!Files.isRegularFile(file)) {
			throw new IOException("recovery certificate " + rc.getName() + ": " + file + " does not exist");
		}
		try (InputStream in = Files.newInputStream(file)) {
			X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
			if (!P256.isP256(cert.getPublicKey())) {
				throw new IOException("recovery certificate " + rc.getName() + " (" + file + ") has no P-256 key; escrow needs ECDH P-256");
			}
			return Optional.of(cert);
		} catch (CertificateException e) {
			throw new IOException(file + ": not an X.509 certificate (" + e.getMessage() + ")");
		}
	}
}
