// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import dev.parapet.compiler.CardCertificates;
import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.model.BlobCipher;
import dev.parapet.compiler.model.Certificate;
import dev.parapet.compiler.model.DevicePolicy;
import dev.parapet.compiler.model.DevicePolicy.CardHash;
import dev.parapet.compiler.model.DevicePolicy.Dma;
import dev.parapet.compiler.model.DevicePolicy.DmaScope;
import dev.parapet.compiler.model.DevicePolicy.KeySlot;
import dev.parapet.compiler.model.DevicePolicy.Login;
import dev.parapet.compiler.model.DevicePolicy.RuntimeSettings;
import dev.parapet.compiler.model.DevicePolicy.StorageRule;
import dev.parapet.compiler.model.DevicePolicy.Usb;
import dev.parapet.compiler.model.DevicePolicy.UsbAction;
import dev.parapet.compiler.model.DevicePolicy.UsbRule;
import dev.parapet.compiler.model.SourceLink;
import dev.parapet.compiler.model.Sourced;
import dev.parapet.policy.effective.EffectivePolicy;
import dev.parapet.policy.effective.Setting;
import dev.parapet.policy.policy.AtaLocation;
import dev.parapet.policy.policy.Encryption;
import dev.parapet.policy.policy.Group;
import dev.parapet.policy.policy.Holder;
import dev.parapet.policy.policy.LoginMethod;
import dev.parapet.policy.policy.NamespaceLocation;
import dev.parapet.policy.policy.PortLocation;
import dev.parapet.policy.policy.SectorRange;
import dev.parapet.policy.policy.StorageKey;
import dev.parapet.policy.policy.TrustAnchor;
import dev.parapet.policy.policy.UsbAllow;
import dev.parapet.policy.policy.UsbDeny;
import dev.parapet.policy.policy.UsbReadOnly;
import dev.parapet.policy.policy.WholeDevice;

/**
 * Builds the canonical {@link DevicePolicy} from an {@link EffectivePolicy}. Storage rules are
 * sorted by (controller, index, location, drive, first LBA); key slots are numbered in the order of
 * the keys' names; USB and DMA rules keep the effective (most specific first) order.
 */
public final class DevicePolicyBuilder {

	private final CardCertificates cards;

	public DevicePolicyBuilder(CardCertificates cards) {
		this.cards = cards;
	}

	public DevicePolicy build(EffectivePolicy effective, long createdEpochSeconds) throws CompileException {
		SourceLink deviceSource = SourceLink.of(effective.device());
		if (effective.fleet() == null) {
			throw new CompileException(deviceSource, "Device " + effective.device().getName() + " has no fleet header");
		}
		long counter = effective.fleet().getRollbackCounter();
		if (counter > 0xFFFF_FFFFL) {
			throw new CompileException(SourceLink.of(effective.fleet()), "rollback-counter " + counter + " is above 2^32-1");
		}
		if (createdEpochSeconds < 0) {
			throw new CompileException(deviceSource, "Creation time is before 1970");
		}
		KeySlots slots = new KeySlots(effective);
		return new DevicePolicy(effective.fleet().getName(), effective.device().getName(), counter, createdEpochSeconds,
				effective.serial().value() == null ? Optional.empty() : Optional.of(sourced(effective.serial())),
				slots.list(), storageRules(effective, slots), usb(effective, slots),
				new NetworkPolicyBuilder().build(effective), dma(effective), login(effective), settings(effective),
				deviceSource);
	}

	static <T> Sourced<T> sourced(Setting<T> setting) {
		return new Sourced<>(setting.value(), SourceLink.of(setting.source()));
	}

	private static List<StorageRule> storageRules(EffectivePolicy effective, KeySlots slots) throws CompileException {
		List<StorageRule> rules = new ArrayList<>();
		for (dev.parapet.policy.policy.StorageRule rule : effective.storageRules()) {
			SourceLink source = SourceLink.of(rule);
			OptionalLong location = OptionalLong.empty();
			Optional<dev.parapet.policy.policy.AtaDrive> drive = Optional.empty();
			switch (rule.getLocation()) {
			case null -> {
			}
			case AtaLocation ata -> {
				location = OptionalLong.of(ata.getChannel());
				drive = Optional.of(ata.getDrive());
			}
			case PortLocation port -> location = OptionalLong.of(port.getPort());
			case NamespaceLocation ns -> location = OptionalLong.of(ns.getNamespace());
			default -> throw new CompileException(source, "disk " + rule.getName() + ": unknown location");
			}
			long first;
			OptionalLong last;
			switch (rule.getRange()) {
			case WholeDevice whole -> {
				first = 0;
				last = OptionalLong.empty();
			}
			case SectorRange range -> {
				first = range.getStart();
				last = range.isToEnd() ? OptionalLong.empty() : OptionalLong.of(range.getEnd());
				if (last.isPresent() && last.getAsLong() < first) {
					throw new CompileException(source, "disk " + rule.getName() + ": last LBA " + last.getAsLong()
							+ " is before first LBA " + first);
				}
			}
			default -> throw new CompileException(source, "disk " + rule.getName() + ": missing LBA range");
			}
			BlobCipher cipher = BlobCipher.PLAIN;
			OptionalInt slot = OptionalInt.empty();
			if (rule.getProtection() instanceof Encryption encryption) {
				cipher = cipher(encryption);
				slot = OptionalInt.of(slots.slotOf(encryption, "disk " + rule.getName()));
			}
			rules.add(new StorageRule(rule.getName(), rule.getController(), rule.getIndex(), location, drive, first, last,
					cipher, slot, source));
		}
		rules.sort(Comparator.comparingInt((StorageRule r) -> r.controller().getValue())
				.thenComparingLong(StorageRule::controllerIndex)
				.thenComparingLong(r -> r.location().isPresent() ? r.location().getAsLong() + 1 : 0)
				.thenComparingInt(r -> r.drive().map(d -> d.getValue() + 1).orElse(0))
				.thenComparingLong(StorageRule::firstLba));
		return rules;
	}

	static BlobCipher cipher(Encryption encryption) {
		return switch (encryption.getCipher()) {
		case AES_XTS_128 -> BlobCipher.AES_XTS_128;
		case AES_XTS_256 -> BlobCipher.AES_XTS_256;
		};
	}

	private static Usb usb(EffectivePolicy effective, KeySlots slots) throws CompileException {
		List<UsbRule> rules = new ArrayList<>();
		for (dev.parapet.policy.policy.UsbRule rule : effective.usbRules()) {
			SourceLink source = SourceLink.of(rule);
			String field = "match " + rule.getName();
			rules.add(new UsbRule(rule.getName(), optionalHex(rule.getVendor(), 0xFFFF, source, field + " vendor"),
					optionalHex(rule.getProduct(), 0xFFFF, source, field + " product"), Optional.ofNullable(rule.getSerial()),
					optionalHex(rule.getUsbClass(), 0xFF, source, field + " class"),
					usbAction(rule.getAction(), rule, slots, field), source));
		}
		Setting<dev.parapet.policy.policy.UsbAction> fallback = effective.usbDefault();
		return new Usb(rules, usbAction(fallback.value(), fallback.source(), slots, "usb default"));
	}

	private static OptionalInt optionalHex(String text, int max, SourceLink source, String field)
			throws CompileException {
		return text == null ? OptionalInt.empty() : OptionalInt.of(TextValues.hex(text, max, source, field));
	}

	private static UsbAction usbAction(dev.parapet.policy.policy.UsbAction action, org.eclipse.emf.ecore.EObject owner,
			KeySlots slots, String field) throws CompileException {
		SourceLink source = SourceLink.of(action != null && action.eResource() != null ? action : owner);
		return switch (action) {
		case UsbDeny deny -> new UsbAction(UsbAction.Kind.DENY, BlobCipher.PLAIN, OptionalInt.empty(), source);
		case UsbReadOnly readOnly -> new UsbAction(UsbAction.Kind.READ_ONLY, BlobCipher.PLAIN, OptionalInt.empty(), source);
		case UsbAllow allow -> new UsbAction(UsbAction.Kind.ALLOW, BlobCipher.PLAIN, OptionalInt.empty(), source);
		case Encryption encryption -> new UsbAction(UsbAction.Kind.ENCRYPT, cipher(encryption),
				OptionalInt.of(slots.slotOf(encryption, field)), source);
		case null, default -> throw new CompileException(source, field + ": missing or unknown USB action");
		};
	}

	private static Dma dma(EffectivePolicy effective) throws CompileException {
		List<DmaScope> scopes = new ArrayList<>();
		for (dev.parapet.policy.policy.DmaScope scope : effective.dmaScopes()) {
			SourceLink source = SourceLink.of(scope);
			scopes.add(new DmaScope(scope.getName(), NetworkPolicyBuilder.selector(scope.getSelector(), source),
					scope.getAction(), source));
		}
		return new Dma(new Sourced<>(Optional.ofNullable(effective.iommu().value()), SourceLink.of(effective.iommu().source())),
				sourced(effective.protectHypervisor()), scopes);
	}

	private Login login(EffectivePolicy effective) throws CompileException {
		Setting<List<LoginMethod>> methods = effective.loginMethods();
		if (methods.value().isEmpty()) {
			throw new CompileException(SourceLink.of(effective.device()),
					"Device " + effective.device().getName() + " has no login method: it would boot without authentication");
		}
		Sourced<Long> minimum = sourced(effective.pinMinimum());
		Sourced<Long> maximum = sourced(effective.pinMaximum());
		if (minimum.value() > maximum.value()) {
			throw new CompileException(minimum.source(), "pin-length " + minimum.value() + ".." + maximum.value() + " is empty");
		}
		List<Certificate> anchors = new ArrayList<>();
		for (TrustAnchor anchor : effective.loginTrustAnchors().value()) {
			anchors.add(new Certificate(anchor.getName(),
					CertificateFiles.readDer(anchor, anchor.getFile(), "trust-anchor " + anchor.getName()),
					SourceLink.of(anchor)));
		}
		TreeMap<String, CardHash> cardsByHash = new TreeMap<>();
		for (Holder holder : holders(effective.requiredGroups().value())) {
			for (String card : holder.getCards()) {
				byte[] hash = cards.sha256Of9aCertificate(holder, card);
				if (hash.length != 32) {
					throw new CompileException(SourceLink.of(holder), "card \"" + card + "\": certificate hash is not SHA-256");
				}
				cardsByHash.putIfAbsent(java.util.HexFormat.of().formatHex(hash), new CardHash(hash, SourceLink.of(holder)));
			}
		}
		if (!effective.requiredGroups().value().isEmpty() && cardsByHash.isEmpty()) {
			throw new CompileException(SourceLink.of(effective.requiredGroups().source()),
					"required-group names no holder with a card: no card could log in");
		}
		return new Login(new Sourced<>(List.copyOf(new LinkedHashSet<>(methods.value())), SourceLink.of(methods.source())),
				minimum, maximum, sourced(effective.pinTries()), anchors,
				SourceLink.of(effective.loginTrustAnchors().source()), List.copyOf(cardsByHash.values()),
				SourceLink.of(effective.requiredGroups().source()));
	}

	/** Holders of the groups and of the groups they include, transitively; cycles end the walk. */
	private static Set<Holder> holders(List<Group> groups) {
		Set<Holder> holders = new LinkedHashSet<>();
		Set<Group> seen = new LinkedHashSet<>();
		List<Group> pending = new ArrayList<>(groups);
		while (!pending.isEmpty()) {
			Group group = pending.remove(0);
			if (group != null && !group.eIsProxy() && seen.add(group)) {
				group.getHolders().stream().filter(h -> !h.eIsProxy()).forEach(holders::add);
				pending.addAll(group.getIncludes());
			}
		}
		return holders;
	}

	private static RuntimeSettings settings(EffectivePolicy effective) {
		return new RuntimeSettings(sourced(effective.log()), sourced(effective.console()),
				new Sourced<>(effective.oobManagement().value() == dev.parapet.policy.policy.Switch.ON,
						SourceLink.of(effective.oobManagement().source())),
				sourced(effective.panic()),
				effective.osLoader().value() == null ? Optional.empty() : Optional.of(sourced(effective.osLoader())));
	}

	/** Storage keys referenced by the device's rules, numbered by name. */
	private static final class KeySlots {

		private final List<StorageKey> keys = new ArrayList<>();

		KeySlots(EffectivePolicy effective) {
			TreeMap<String, StorageKey> byName = new TreeMap<>();
			effective.storageRules().forEach(r -> add(r.getProtection(), byName));
			effective.usbRules().forEach(r -> add(r.getAction(), byName));
			add(effective.usbDefault().value(), byName);
			keys.addAll(byName.values());
		}

		private static void add(Object protection, TreeMap<String, StorageKey> byName) {
			if (protection instanceof Encryption encryption && encryption.getKey() != null
					&& !encryption.getKey().eIsProxy()) {
				byName.putIfAbsent(encryption.getKey().getName(), encryption.getKey());
			}
		}

		int slotOf(Encryption encryption, String field) throws CompileException {
			SourceLink source = SourceLink.of(encryption);
			StorageKey key = encryption.getKey();
			if (key == null || key.eIsProxy()) {
				throw new CompileException(source, field + ": storage key is not defined");
			}
			int bits = cipher(encryption).keyBits();
			int keyBits = key.getStrength() == dev.parapet.policy.policy.KeyStrength.XTS_128 ? 256 : 512;
			if (bits != keyBits) {
				throw new CompileException(source, field + ": cipher " + encryption.getCipher().getLiteral()
						+ " does not match the strength of key " + key.getName() + " (" + key.getStrength().getLiteral() + ")");
			}
			return keys.indexOf(key);
		}

		List<KeySlot> list() {
			List<KeySlot> slots = new ArrayList<>();
			for (StorageKey key : keys) {
				int bits = key.getStrength() == dev.parapet.policy.policy.KeyStrength.XTS_128 ? 256 : 512;
				long generation = WrittenFeatures.generation(key);
				slots.add(new KeySlot(slots.size(), key.getName(), bits, generation, SourceLink.of(key)));
			}
			return slots;
		}
	}
}
