// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.parapet.compiler.CardCertificateDirectory;
import dev.parapet.compiler.CardCertificates;
import dev.parapet.compiler.CompileException;
import dev.parapet.compiler.FleetLoadException;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.PolicyIds;
import dev.parapet.compiler.cose.DecodedBlob;
import dev.parapet.compiler.internal.PayloadEncoder;
import dev.parapet.compiler.internal.XtextFleetSource;
import dev.parapet.compiler.model.DevicePolicy;
import dev.parapet.compiler.model.SourceLink;
import dev.parapet.policy.policy.Device;

/**
 * Source links for a blob's fields: finds the fleet the blob was compiled from (a folder of .parapet
 * files among the blob's ancestors, as Compile writes to {@code FLEET/out/policies}), rebuilds the
 * device's canonical model, and links fields only when the rebuilt payload has the blob's policy id,
 * so a link never points at sources that have changed since the blob was made.
 */
final class BlobSources {

	/** Field path ("policy/storageRules/[0]") to the line that wrote it. */
	record Links(Map<String, SourceLink> byPath, String note) {

		static Links none(String note) {
			return new Links(Map.of(), note);
		}
	}

	private BlobSources() {
	}

	static Links find(Path blob, DecodedBlob decoded) {
		String deviceName = decoded.policy().get("device").getAsString();
		long created = decoded.policy().get("created").getAsLong();
		Path folder = blob.toAbsolutePath().getParent();
		for (int up = 0; up < 4 && folder != null; up++, folder = folder.getParent()) {
			if (!hasPolicyFiles(folder)) {
				continue;
			}
			try {
				LoadedFleet fleet = new XtextFleetSource().load(folder);
				Optional<Device> device = fleet.device(deviceName);
				if (device.isEmpty()) {
					continue;
				}
				Path cards = folder.resolve(CompileRun.CARD_CERTIFICATES);
				DevicePolicy model = new PolicyCompiler(Files.isDirectory(cards) ? new CardCertificateDirectory(cards)
						: CardCertificates.IGNORED).model(device.get(), created);
				if (!MessageDigest.isEqual(PolicyIds.of(PayloadEncoder.withoutPolicyId(model).build()), decoded.policyId())) {
					return Links.none("Sources in " + folder + " have changed since this blob was compiled: no source links.");
				}
				return new Links(paths(model), "Source links: " + folder);
			} catch (IOException | FleetLoadException | CompileException e) {
				return Links.none("Fleet in " + folder + " cannot be compiled: no source links (" + e.getMessage() + ")");
			}
		}
		return Links.none("No fleet found above " + blob.getParent() + ": no source links.");
	}

	private static boolean hasPolicyFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.anyMatch(p -> p.getFileName().toString().endsWith(".parapet"));
		} catch (IOException e) {
			return false;
		}
	}

	private static Map<String, SourceLink> paths(DevicePolicy model) {
		Map<String, SourceLink> links = new HashMap<>();
		links.put("policy/device", model.source());
		model.boundSerial().ifPresent(serial -> links.put("policy/binding", serial.source()));
		list(links, "policy/storageKeys", model.keySlots().stream().map(DevicePolicy.KeySlot::source).toList());
		list(links, "policy/storageRules", model.storageRules().stream().map(DevicePolicy.StorageRule::source).toList());
		list(links, "policy/usb/rules", model.usb().rules().stream().map(DevicePolicy.UsbRule::source).toList());
		links.put("policy/usb/default", model.usb().defaultAction().source());
		list(links, "policy/network/nics", model.network().nics().stream().map(DevicePolicy.Nic::source).toList());
		links.put("policy/network/encryptAll", model.network().encryptAll().source());
		list(links, "policy/network/peers", model.network().peers().stream().map(DevicePolicy.Peer::source).toList());
		list(links, "policy/network/bypasses", model.network().bypasses().stream().map(DevicePolicy.Bypass::source).toList());
		links.put("policy/dma/iommu", model.dma().iommu().source());
		links.put("policy/dma/protectHypervisor", model.dma().protectHypervisor().source());
		list(links, "policy/dma/scopes", model.dma().scopes().stream().map(DevicePolicy.DmaScope::source).toList());
		links.put("policy/login/methods", model.login().methods().source());
		links.put("policy/login/pinMinimum", model.login().pinMinimum().source());
		links.put("policy/login/pinMaximum", model.login().pinMaximum().source());
		links.put("policy/login/pinTries", model.login().pinTries().source());
		links.put("policy/login/trustAnchors", model.login().anchorsSource());
		links.put("policy/login/allowedCards", model.login().allowedCardsSource());
		links.put("policy/settings/log", model.settings().log().source());
		links.put("policy/settings/console", model.settings().console().source());
		links.put("policy/settings/oobManagement", model.settings().oobManagement().source());
		links.put("policy/settings/panic", model.settings().panic().source());
		model.settings().osLoader().ifPresent(loader -> links.put("policy/settings/osLoader", loader.source()));
		links.values().removeIf(SourceLink::isLanguageDefault);
		return links;
	}

	private static void list(Map<String, SourceLink> links, String path, List<SourceLink> sources) {
		for (int i = 0; i < sources.size(); i++) {
			links.put(path + "/[" + i + "]", sources.get(i));
		}
	}
}
