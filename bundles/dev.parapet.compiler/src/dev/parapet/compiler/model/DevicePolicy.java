// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.model;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import dev.parapet.policy.policy.AtaDrive;
import dev.parapet.policy.policy.ConsoleKind;
import dev.parapet.policy.policy.ControllerKind;
import dev.parapet.policy.policy.DhGroup;
import dev.parapet.policy.policy.DmaAction;
import dev.parapet.policy.policy.EncryptionAlgorithm;
import dev.parapet.policy.policy.IntegrityAlgorithm;
import dev.parapet.policy.policy.IommuKind;
import dev.parapet.policy.policy.IpProtocol;
import dev.parapet.policy.policy.LogLevel;
import dev.parapet.policy.policy.LoginMethod;
import dev.parapet.policy.policy.PanicAction;
import dev.parapet.policy.policy.PrfAlgorithm;

/**
 * The canonical model of one device's policy: everything the runtime enforces, resolved from the
 * effective policy, in the order the blob carries it, each element with the source line it came
 * from. Holds no holder names, no key material and no file paths.
 */
public record DevicePolicy(
		String fleetId,
		String deviceId,
		long rollbackCounter,
		long createdEpochSeconds,
		Optional<Sourced<String>> boundSerial,
		List<KeySlot> keySlots,
		List<StorageRule> storageRules,
		Usb usb,
		Network network,
		Dma dma,
		Login login,
		RuntimeSettings settings,
		SourceLink source) {

	public DevicePolicy {
		keySlots = List.copyOf(keySlots);
		storageRules = List.copyOf(storageRules);
	}

	/** A storage key the rules refer to; {@code slot} is its index in {@link DevicePolicy#keySlots()}. */
	public record KeySlot(int slot, String keyId, int bits, long generation, SourceLink source) {
	}

	/**
	 * One disk range. {@code location} is the ATA channel, AHCI/USB port or NVMe namespace id.
	 */
	public record StorageRule(String name, ControllerKind controller, long controllerIndex, OptionalLong location,
			Optional<AtaDrive> drive, long firstLba, OptionalLong lastLba, BlobCipher cipher, OptionalInt keySlot,
			SourceLink source) {
	}

	public record Usb(List<UsbRule> rules, UsbAction defaultAction) {
		public Usb {
			rules = List.copyOf(rules);
		}
	}

	public record UsbRule(String name, OptionalInt vendor, OptionalInt product, Optional<String> serial,
			OptionalInt interfaceClass, UsbAction action, SourceLink source) {
	}

	/** What happens to a USB mass-storage device; cipher and slot only for {@link Kind#ENCRYPT}. */
	public record UsbAction(Kind kind, BlobCipher cipher, OptionalInt keySlot, SourceLink source) {

		public enum Kind {
			DENY, READ_ONLY, ALLOW, ENCRYPT
		}
	}

	public record Network(List<Nic> nics, Sourced<Boolean> encryptAll, List<Peer> peers, List<Bypass> bypasses) {
		public Network {
			nics = List.copyOf(nics);
			peers = List.copyOf(peers);
			bypasses = List.copyOf(bypasses);
		}
	}

	public record Nic(String name, PciSelector selector, SourceLink source) {
	}

	public record Peer(String name, List<InetAddress> addresses, List<IkeProposal> ikeProposals,
			List<EspProposal> espProposals, PeerAuth auth, Optional<String> remoteId, List<TrafficSelector> selectors,
			long ikeLifetime, long espLifetime, Optional<Certificate> remoteCa, boolean legacy, SourceLink source) {
		public Peer {
			addresses = List.copyOf(addresses);
			ikeProposals = List.copyOf(ikeProposals);
			espProposals = List.copyOf(espProposals);
			selectors = List.copyOf(selectors);
		}
	}

	public record IkeProposal(EncryptionAlgorithm encryption, Optional<IntegrityAlgorithm> integrity,
			PrfAlgorithm prf, DhGroup dh, SourceLink source) {
	}

	public record EspProposal(EncryptionAlgorithm encryption, Optional<IntegrityAlgorithm> integrity,
			Optional<DhGroup> pfs, SourceLink source) {
	}

	/**
	 * How the runtime authenticates to a peer. {@code certificate} for {@link Kind#CERTIFICATE};
	 * {@code keyReference} names the key (never the key itself) for both certificate and PSK.
	 */
	public record PeerAuth(Kind kind, Optional<Certificate> certificate, Optional<String> keyReference,
			SourceLink source) {

		public enum Kind {
			CARD_KEY, CERTIFICATE, PSK
		}
	}

	public record TrafficSelector(IpPrefix local, IpPrefix remote, IpProtocol protocol, int port, SourceLink source) {
	}

	public record Bypass(String name, IpProtocol protocol, Optional<IpPrefix> remote, int port, SourceLink source) {
	}

	public record Dma(Sourced<Optional<IommuKind>> iommu, Sourced<Boolean> protectHypervisor, List<DmaScope> scopes) {
		public Dma {
			scopes = List.copyOf(scopes);
		}
	}

	public record DmaScope(String name, PciSelector selector, DmaAction action, SourceLink source) {
	}

	/**
	 * @param anchors      trust anchors that issue card certificates
	 * @param allowedCards SHA-256 of the 9A certificates of the cards of the required groups; empty = any
	 */
	public record Login(Sourced<List<LoginMethod>> methods, Sourced<Long> pinMinimum, Sourced<Long> pinMaximum,
			Sourced<Long> pinTries, List<Certificate> anchors, SourceLink anchorsSource, List<CardHash> allowedCards,
			SourceLink allowedCardsSource) {
		public Login {
			anchors = List.copyOf(anchors);
			allowedCards = List.copyOf(allowedCards);
		}
	}

	/** One allowed card: the SHA-256 of its 9A certificate, and the {@code card} line of its holder. */
	public record CardHash(byte[] sha256, SourceLink source) {
	}

	public record RuntimeSettings(Sourced<LogLevel> log, Sourced<ConsoleKind> console, Sourced<Boolean> oobManagement,
			Sourced<PanicAction> panic, Optional<Sourced<String>> osLoader) {
	}
}
