// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.parapet.policy.effective.EffectivePolicies;
import dev.parapet.policy.effective.EffectivePolicy;
import dev.parapet.policy.policy.Device;
import dev.parapet.review.FleetVersion;

/**
 * The effective policies of a version as plain lines, one per element, for {@code git diff}'s
 * textconv: a line-based diff of this text shows effective changes and nothing else (comments,
 * layout and the order of sets are gone; inherited settings appear under every device).
 */
public final class EffectiveText {

	private EffectiveText() {
	}

	public static String of(FleetVersion version) {
		StringBuilder out = new StringBuilder();
		version.fleet().ifPresent(fleet -> out.append("fleet ").append(fleet.getName()).append(" runtime ")
				.append(Canon.runtime(fleet.getRuntime())).append(" rollback-counter ").append(fleet.getRollbackCounter())
				.append(" policy-signing-key ").append(Canon.keyReference(fleet.getPolicySigningKey()))
				.append(" secure-boot-key ").append(Canon.keyReference(fleet.getSecureBootKey())).append('\n'));
		for (Map.Entry<String, Device> entry : new java.util.TreeMap<>(version.devices()).entrySet()) {
			EffectivePolicy policy = EffectivePolicies.resolve(entry.getValue(), version.fleet().orElse(null));
			String device = "device " + entry.getKey() + ": ";
			line(out, device, "model", Canon.hardware(policy.model().value()));
			line(out, device, "serial", Objects.toString(policy.serial().value(), "-"));
			rules(out, device, "storage disk", policy.storageRules(), r -> r.getName(), Canon::storageRule);
			rules(out, device, "usb match", policy.usbRules(), r -> r.getName(), Canon::usbRule);
			line(out, device, "usb default", Canon.usbAction(policy.usbDefault().value()));
			rules(out, device, "network nic", policy.nics(), n -> n.getName(), Canon::nic);
			line(out, device, "network encrypt-all", String.valueOf(policy.encryptAll().value()));
			rules(out, device, "network peer", policy.peers(), p -> p.getName(), Canon::peer);
			rules(out, device, "network bypass", policy.bypasses(), b -> b.getName(), Canon::bypass);
			line(out, device, "dma iommu", policy.iommu().value() == null ? "none" : policy.iommu().value().getLiteral());
			line(out, device, "dma protect-hypervisor", String.valueOf(policy.protectHypervisor().value()));
			rules(out, device, "dma scope", policy.dmaScopes(), s -> s.getName(), Canon::dmaScope);
			line(out, device, "login methods", policy.loginMethods().value().stream().map(m -> m.getLiteral()).sorted().toList()
					.toString());
			line(out, device, "login required-group", policy.requiredGroups().value().isEmpty() ? "any card"
					: Principals.of(policy.requiredGroups().value()).toString());
			line(out, device, "login trust", Canon.sorted(policy.loginTrustAnchors().value(), Canon::anchor));
			line(out, device, "login pin-length", policy.pinMinimum().value() + ".." + policy.pinMaximum().value());
			line(out, device, "login pin-tries", String.valueOf(policy.pinTries().value()));
			line(out, device, "settings", "log " + policy.log().value().getLiteral() + " console "
					+ policy.console().value().getLiteral() + " oob-management " + policy.oobManagement().value().getLiteral()
					+ " panic " + policy.panic().value().getLiteral() + " os-loader "
					+ Objects.toString(policy.osLoader().value(), "next boot entry"));
		}
		return out.toString();
	}

	private static void line(StringBuilder out, String device, String element, String value) {
		out.append(device).append(element).append(' ').append(value).append('\n');
	}

	private static <R> void rules(StringBuilder out, String device, String kind, List<R> rules, Function<R, String> name,
			Function<R, String> canon) {
		rules.stream().map(r -> kind + " " + name.apply(r) + " " + canon.apply(r)).sorted()
				.forEach(text -> out.append(device).append(text).append('\n'));
	}
}
