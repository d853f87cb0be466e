// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EStructuralFeature;

import dev.parapet.policy.effective.EffectivePolicy;
import dev.parapet.policy.effective.Setting;
import dev.parapet.policy.policy.Group;
import dev.parapet.policy.policy.IommuKind;
import dev.parapet.policy.policy.LoginMethod;
import dev.parapet.policy.policy.PanicAction;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.policy.Profile;
import dev.parapet.policy.policy.Switch;
import dev.parapet.policy.policy.TrustAnchor;
import dev.parapet.review.Change;
import dev.parapet.review.ChangeKind;
import dev.parapet.review.ElementKind;
import dev.parapet.review.FleetVersion;
import dev.parapet.review.SourceLocation;
import dev.parapet.review.VerdictRule;

/** Compares the effective policies of one device in two versions, element by element, in policy order. */
public final class DeviceDiffer {

	private final FleetVersion before;
	private final FleetVersion after;

	public DeviceDiffer(FleetVersion before, FleetVersion after) {
		this.before = before;
		this.after = after;
	}

	/** The changes from {@code was} to {@code is}, reported under {@code device}. */
	public List<Change> diff(String device, EffectivePolicy was, EffectivePolicy is) {
		Emitter out = new Emitter(device, before, after);
		profiles(out, was, is);
		single(out, ElementKind.HARDWARE_MODEL, "model", was.model(), is.model(), Literals.CONFIGURABLE__MODEL,
				Canon::hardware, (a, b, f) -> f.neutral(VerdictRule.HARDWARE_MODEL,
						"hardware " + name(a) + " -> " + name(b)));
		single(out, ElementKind.SERIAL, "serial", was.serial(), is.serial(), Literals.CONFIGURABLE__SERIAL,
				s -> Objects.toString(s, "-"), (a, b, f) -> f.neutral(VerdictRule.SERIAL,
						"serial " + Objects.toString(a, "-") + " -> " + Objects.toString(b, "-") + ": binds another machine"));
		new NamedRules<>(ElementKind.STORAGE_RULE, r -> r.getName(), Canon::storageRule, new StorageJudge())
				.diff(out, was.storageRules(), is.storageRules());
		new NamedRules<>(ElementKind.USB_RULE, r -> r.getName(), Canon::usbRule,
				new UsbJudge(was.usbRules(), was.usbDefault().value(), is.usbRules(), is.usbDefault().value()))
				.diff(out, was.usbRules(), is.usbRules());
		single(out, ElementKind.USB_DEFAULT, "default", was.usbDefault(), is.usbDefault(), Literals.USB_SECTION__DEFAULT,
				Canon::usbAction, UsbJudge::defaults);
		new NamedRules<>(ElementKind.NIC, n -> n.getName(), Canon::nic, new NetworkJudges.NicJudge())
				.diff(out, was.nics(), is.nics());
		flag(out, ElementKind.ENCRYPT_ALL, "encrypt-all", was.encryptAll(), is.encryptAll(),
				Literals.NETWORK_SECTION__ENCRYPT_ALL, VerdictRule.ENCRYPT_ALL, "traffic outside tunnels and bypasses is dropped",
				"traffic outside tunnels and bypasses goes out in the clear");
		new NamedRules<>(ElementKind.IPSEC_PEER, p -> p.getName(), Canon::peer,
				new NetworkJudges.PeerJudge(was.encryptAll().value(), is.encryptAll().value()))
				.diff(out, was.peers(), is.peers());
		new NamedRules<>(ElementKind.BYPASS, b -> b.getName(), Canon::bypass, new NetworkJudges.BypassJudge())
				.diff(out, was.bypasses(), is.bypasses());
		single(out, ElementKind.IOMMU, "iommu", was.iommu(), is.iommu(), Literals.DMA_SECTION__IOMMU,
				k -> k == null ? "none" : k.getLiteral(), DeviceDiffer::iommu);
		flag(out, ElementKind.PROTECT_HYPERVISOR, "protect-hypervisor", was.protectHypervisor(), is.protectHypervisor(),
				Literals.DMA_SECTION__PROTECT_HYPERVISOR, VerdictRule.PROTECT_HYPERVISOR,
				"the hypervisor's memory is shielded from DMA", "devices may reach the hypervisor's memory by DMA");
		new NamedRules<>(ElementKind.DMA_SCOPE, s -> s.getName(), Canon::dmaScope,
				new DmaJudge(was.dmaScopes(), is.dmaScopes())).diff(out, was.dmaScopes(), is.dmaScopes());
		single(out, ElementKind.LOGIN_METHODS, "methods", was.loginMethods(), is.loginMethods(),
				Literals.LOGIN_SECTION__METHODS, DeviceDiffer::methods, DeviceDiffer::methods);
		single(out, ElementKind.REQUIRED_GROUPS, "required-group", was.requiredGroups(), is.requiredGroups(),
				Literals.LOGIN_SECTION__REQUIRED_GROUPS, DeviceDiffer::cards, DeviceDiffer::cards);
		single(out, ElementKind.LOGIN_TRUST, "trust", was.loginTrustAnchors(), is.loginTrustAnchors(),
				Literals.LOGIN_SECTION__ANCHORS, DeviceDiffer::anchors, DeviceDiffer::anchors);
		pinLength(out, was, is);
		single(out, ElementKind.PIN_TRIES, "pin-tries", was.pinTries(), is.pinTries(), Literals.LOGIN_SECTION__PIN_TRIES,
				String::valueOf, (a, b, f) -> f.ranked(VerdictRule.PIN_TRIES, "pin-tries", a.intValue(), b.intValue(),
						a.toString(), b.toString()));
		single(out, ElementKind.LOG, "log", was.log(), is.log(), Literals.SETTINGS_SECTION__LOG, l -> l.getLiteral(),
				(a, b, f) -> f.ranked(VerdictRule.LOG_LEVEL, "log", Strengths.LOG_RANK.get(a), Strengths.LOG_RANK.get(b),
						a.getLiteral(), b.getLiteral()));
		single(out, ElementKind.CONSOLE, "console", was.console(), is.console(), Literals.SETTINGS_SECTION__CONSOLE,
				c -> c.getLiteral(), (a, b, f) -> f.ranked(VerdictRule.CONSOLE, "console", Strengths.CONSOLE_RANK.get(a),
						Strengths.CONSOLE_RANK.get(b), a.getLiteral(), b.getLiteral()));
		single(out, ElementKind.OOB_MANAGEMENT, "oob-management", was.oobManagement(), is.oobManagement(),
				Literals.SETTINGS_SECTION__OOB_MANAGEMENT, s -> s.getLiteral(),
				(a, b, f) -> f.ranked(VerdictRule.OOB_MANAGEMENT, "oob-management", a == Switch.ON ? 1 : 0,
						b == Switch.ON ? 1 : 0, a.getLiteral(), b.getLiteral()));
		single(out, ElementKind.PANIC, "panic", was.panic(), is.panic(), Literals.SETTINGS_SECTION__PANIC,
				p -> p.getLiteral(), (a, b, f) -> f.ranked(VerdictRule.PANIC, "panic", a == PanicAction.REBOOT ? 1 : 0,
						b == PanicAction.REBOOT ? 1 : 0, a.getLiteral(), b.getLiteral()));
		single(out, ElementKind.OS_LOADER, "os-loader", was.osLoader(), is.osLoader(), Literals.SETTINGS_SECTION__OS_LOADER,
				s -> Objects.toString(s, "next boot entry"), (a, b, f) -> f.neutral(VerdictRule.OS_LOADER,
						"os-loader " + Objects.toString(a, "next boot entry") + " -> " + Objects.toString(b, "next boot entry")));
		return out.changes();
	}

	/** Judges one pair of effective values that differ. */
	interface ValueJudge<T> {
		void judge(T before, T after, Findings findings);
	}

	private <T> void single(Emitter out, ElementKind kind, String element, Setting<T> was, Setting<T> is,
			EStructuralFeature feature, Function<T, String> canon, ValueJudge<T> judge) {
		if (canon.apply(was.value()).equals(canon.apply(is.value()))) {
			return;
		}
		Findings findings = new Findings();
		judge.judge(was.value(), is.value(), findings);
		if (findings.isEmpty()) {
			findings.neutral(VerdictRule.UNCLASSIFIED, element + " " + canon.apply(was.value()) + " -> " + canon.apply(is.value()));
		}
		ChangeKind change = was.isLanguageDefault() ? ChangeKind.ADDED
				: is.isLanguageDefault() ? ChangeKind.REMOVED : ChangeKind.CHANGED;
		out.emit(kind, element, change, findings, locate(out, was, feature, true), locate(out, is, feature, false));
	}

	private static Optional<SourceLocation> locate(Emitter out, Setting<?> setting, EStructuralFeature feature,
			boolean old) {
		if (setting.isLanguageDefault()) {
			return Optional.empty();
		}
		return old ? out.before(setting.source(), feature) : out.after(setting.source(), feature);
	}

	private void flag(Emitter out, ElementKind kind, String element, Setting<Boolean> was, Setting<Boolean> is,
			EStructuralFeature feature, VerdictRule rule, String whenSet, String whenDropped) {
		single(out, kind, element, was, is, feature, String::valueOf, (a, b, f) -> {
			if (b) {
				f.narrows(rule, element + " set: " + whenSet);
			} else {
				f.widens(rule, element + " dropped: " + whenDropped);
			}
		});
	}

	private void profiles(Emitter out, EffectivePolicy was, EffectivePolicy is) {
		String chainBefore = chain(was);
		String chainAfter = chain(is);
		if (!chainBefore.equals(chainAfter)) {
			out.emit(ElementKind.PROFILE, "extends", ChangeKind.CHANGED, dev.parapet.review.Verdict.NEUTRAL,
					VerdictRule.PROFILE_CHANGED, "profile chain " + chainBefore + " -> " + chainAfter
							+ "; effective changes are listed on their own",
					out.before(was.device(), Literals.DEVICE__PARENT), out.after(is.device(), Literals.DEVICE__PARENT));
		}
	}

	private static String chain(EffectivePolicy policy) {
		List<String> general = policy.levels().stream().filter(Profile.class::isInstance).map(l -> ((Profile) l).getName())
				.collect(Collectors.toCollection(java.util.ArrayList::new));
		java.util.Collections.reverse(general);
		String names = String.join(" extends ", general);
		return names.isEmpty() ? "(none)" : names;
	}

	private static String name(dev.parapet.policy.policy.HardwareModel model) {
		return model == null ? "(none)" : model.getName();
	}

	private static void iommu(IommuKind before, IommuKind after, Findings findings) {
		if (before == null) {
			findings.narrows(VerdictRule.IOMMU, "iommu none -> " + after.getLiteral() + ": DMA now translated");
		} else if (after == null) {
			findings.widens(VerdictRule.IOMMU, "iommu " + before.getLiteral() + " removed: devices reach all memory by DMA");
		} else {
			findings.neutral(VerdictRule.IOMMU, "iommu " + before.getLiteral() + " -> " + after.getLiteral());
		}
	}

	private static String methods(List<LoginMethod> methods) {
		return methods.stream().map(LoginMethod::getLiteral).sorted().distinct().collect(Collectors.joining(", ", "[", "]"));
	}

	private static void methods(List<LoginMethod> before, List<LoginMethod> after, Findings findings) {
		findings.members(VerdictRule.LOGIN_METHODS, literals(before), literals(after), "login method added: ",
				"login method removed: ");
	}

	private static TreeSet<String> literals(List<LoginMethod> methods) {
		return methods.stream().map(LoginMethod::getLiteral).collect(Collectors.toCollection(TreeSet::new));
	}

	private static String cards(List<Group> groups) {
		return groups.isEmpty() ? "any card" : Principals.of(groups).toString();
	}

	/** An empty required-group list admits any card the trust anchors issued: wider than any group. */
	private static void cards(List<Group> before, List<Group> after, Findings findings) {
		String names = after.stream().map(g -> g == null || g.eIsProxy() ? "?" : g.getName()).collect(Collectors.joining(", "));
		if (after.isEmpty()) {
			findings.widens(VerdictRule.LOGIN_CARDS, "required-group dropped: any card the trust anchors issued logs in");
			return;
		}
		if (before.isEmpty()) {
			findings.narrows(VerdictRule.LOGIN_CARDS, "login now requires group " + names);
			return;
		}
		findings.members(VerdictRule.LOGIN_CARDS, Principals.of(before), Principals.of(after), "can now log in: ",
				"can no longer log in: ");
	}

	private static String anchors(List<TrustAnchor> anchors) {
		return anchors.stream().map(Canon::anchor).sorted().distinct().collect(Collectors.joining(", ", "[", "]"));
	}

	private static void anchors(List<TrustAnchor> before, List<TrustAnchor> after, Findings findings) {
		findings.members(VerdictRule.LOGIN_TRUST, anchorSet(before), anchorSet(after), "cards issued by these now trusted: ",
				"cards issued by these no longer trusted: ");
	}

	private static TreeSet<String> anchorSet(List<TrustAnchor> anchors) {
		return anchors.stream().map(Canon::anchor).collect(Collectors.toCollection(TreeSet::new));
	}

	private void pinLength(Emitter out, EffectivePolicy was, EffectivePolicy is) {
		long minBefore = was.pinMinimum().value();
		long minAfter = is.pinMinimum().value();
		long maxBefore = was.pinMaximum().value();
		long maxAfter = is.pinMaximum().value();
		if (minBefore == minAfter && maxBefore == maxAfter) {
			return;
		}
		Findings findings = new Findings();
		String change = "pin-length " + minBefore + ".." + maxBefore + " -> " + minAfter + ".." + maxAfter;
		if (minAfter < minBefore) {
			findings.widens(VerdictRule.PIN_LENGTH, change + ": shorter PINs accepted");
		} else if (minAfter > minBefore) {
			findings.narrows(VerdictRule.PIN_LENGTH, change + ": longer PINs required");
		} else {
			findings.neutral(VerdictRule.PIN_LENGTH, change + ": only the maximum changed");
		}
		Setting<Long> sourceBefore = was.pinMinimum().isLanguageDefault() ? was.pinMaximum() : was.pinMinimum();
		Setting<Long> sourceAfter = is.pinMinimum().isLanguageDefault() ? is.pinMaximum() : is.pinMinimum();
		ChangeKind kind = sourceBefore.isLanguageDefault() ? ChangeKind.ADDED
				: sourceAfter.isLanguageDefault() ? ChangeKind.REMOVED : ChangeKind.CHANGED;
		out.emit(ElementKind.PIN_LENGTH, "pin-length", kind, findings,
				locate(out, sourceBefore, Literals.LOGIN_SECTION__PIN_MIN, true),
				locate(out, sourceAfter, Literals.LOGIN_SECTION__PIN_MIN, false));
	}
}
