// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.Action;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.ComposedChecks;

import com.google.inject.Inject;

import dev.parapet.policy.policy.DmaSection;
import dev.parapet.policy.policy.Group;
import dev.parapet.policy.policy.HardwareModel;
import dev.parapet.policy.policy.Import;
import dev.parapet.policy.policy.NetworkSection;
import dev.parapet.policy.policy.PolicyFile;
import dev.parapet.policy.policy.PolicyPackage.Literals;
import dev.parapet.policy.policy.Profile;
import dev.parapet.policy.policy.StorageSection;
import dev.parapet.policy.policy.UsbSection;
import dev.parapet.policy.validation.internal.Labels;

/**
 * Validation of the policy language: names, structure and imports here (PP1xxx); the other
 * families in their own classes, composed below. Every rule has its code in {@link IssueCodes}.
 */
@ComposedChecks(validators = { StorageRangeValidator.class, UsbRuleValidator.class, NetworkValidator.class,
		CryptoStrengthValidator.class, HardwareIdValidator.class, DmaScopeValidator.class, LoginValidator.class,
		KeyValidator.class, FleetHeaderValidator.class, CompilerLimitsValidator.class })
public class PolicyValidator extends PolicyCheckFamily {

	@Inject
	private IQualifiedNameProvider nameProvider;

	@Inject
	@Override
	public void register(org.eclipse.xtext.validation.EValidatorRegistrar registrar) {
		for (var ePackage : getEPackages()) {
			registrar.register(ePackage, this);
		}
	}

	@Check
	public void checkImportResolves(Import anImport) {
		URI uri = resolvedImport(anImport);
		if (uri == null || !EcoreUtil2.isValidUri(anImport, uri)) {
			error("Imported file " + anImport.getImportURI() + " cannot be found", anImport,
					Literals.IMPORT__IMPORT_URI, IssueCodes.UNRESOLVED_IMPORT);
		}
	}

	@Check
	public void checkImportsAreNotRedundant(PolicyFile file) {
		Set<URI> seen = new HashSet<>();
		URI self = file.eResource() == null ? null : file.eResource().getURI();
		for (int i = 0; i < file.getImports().size(); i++) {
			Import anImport = file.getImports().get(i);
			URI uri = resolvedImport(anImport);
			if (uri == null) {
				continue;
			}
			if (uri.equals(self)) {
				warning("File imports itself: " + anImport.getImportURI(), file, Literals.POLICY_FILE__IMPORTS, i,
						IssueCodes.REDUNDANT_IMPORT);
			} else if (!seen.add(uri)) {
				warning("File " + anImport.getImportURI() + " is imported twice", file, Literals.POLICY_FILE__IMPORTS, i,
						IssueCodes.REDUNDANT_IMPORT);
			}
		}
	}

	private static URI resolvedImport(Import anImport) {
		String text = anImport.getImportURI();
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			URI uri = URI.createURI(text);
			URI base = anImport.eResource() == null ? null : anImport.eResource().getURI();
			return base != null && uri.isRelative() ? uri.resolve(base) : uri;
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	@Check(CheckType.NORMAL)
	public void checkNameIsUniqueInFleet(dev.parapet.policy.policy.Element element) {
		checkUniqueExportedName(element, Literals.ELEMENT__NAME);
	}

	@Check(CheckType.NORMAL)
	public void checkTrustAnchorNameIsUniqueInFleet(dev.parapet.policy.policy.TrustAnchor anchor) {
		checkUniqueExportedName(anchor, Literals.TRUST_ANCHOR__NAME);
	}

	private void checkUniqueExportedName(EObject element, EStructuralFeature nameFeature) {
		QualifiedName name = nameProvider.getFullyQualifiedName(element);
		if (name == null) {
			return;
		}
		URI self = org.eclipse.emf.ecore.util.EcoreUtil.getURI(element);
		for (IEObjectDescription other : fleetIndex(element).named(name)) {
			if (!other.getEObjectURI().equals(self)) {
				error("Duplicate name " + name + ": also " + Labels.kind(other.getEClass()) + " in "
						+ other.getEObjectURI().trimFragment().lastSegment(), element, nameFeature,
						IssueCodes.DUPLICATE_NAME);
				return;
			}
		}
	}

	@Check
	public void checkRuleNamesAreUniqueInSection(StorageSection section) {
		reportDuplicateNames(section.getRules(), Literals.STORAGE_RULE__NAME);
	}

	@Check
	public void checkRuleNamesAreUniqueInSection(UsbSection section) {
		reportDuplicateNames(section.getRules(), Literals.USB_RULE__NAME);
	}

	@Check
	public void checkRuleNamesAreUniqueInSection(NetworkSection section) {
		reportDuplicateNames(section.getNics(), Literals.NIC__NAME);
		reportDuplicateNames(section.getPeers(), Literals.IPSEC_PEER__NAME);
		reportDuplicateNames(section.getBypasses(), Literals.BYPASS__NAME);
	}

	@Check
	public void checkRuleNamesAreUniqueInSection(DmaSection section) {
		reportDuplicateNames(section.getScopes(), Literals.DMA_SCOPE__NAME);
	}

	@Check
	public void checkDmarNamesAreUniqueInModel(HardwareModel model) {
		reportDuplicateNames(model.getDmarUnits(), Literals.DMAR_UNIT__NAME);
	}

	private void reportDuplicateNames(List<? extends EObject> rules, EStructuralFeature nameFeature) {
		Set<Object> seen = new HashSet<>();
		for (EObject rule : rules) {
			Object name = rule.eGet(nameFeature);
			if (name != null && !seen.add(name)) {
				error("Duplicate " + Labels.of(rule) + " in " + Labels.where(rule.eContainer()), rule, nameFeature,
						IssueCodes.DUPLICATE_RULE_NAME);
			}
		}
	}

	/**
	 * The grammar writes settings as loops of alternatives, so "pin-tries 3 pin-tries 5" parses and
	 * EMF keeps the last value. This generic check counts, in the node model, how often each
	 * single-valued feature of any element is assigned, and reports every repetition.
	 */
	@Check
	public void checkSettingIsWrittenOnce(EObject object) {
		ICompositeNode node = NodeModelUtils.getNode(object);
		if (node == null) {
			return;
		}
		Map<EStructuralFeature, Integer> counts = new HashMap<>();
		Map<INode, Assignment> repeated = new LinkedHashMap<>();
		countAssignments(object, node, counts, repeated);
		Set<String> reported = new HashSet<>();
		for (Map.Entry<INode, Assignment> entry : repeated.entrySet()) {
			INode duplicate = entry.getKey();
			String keyword = keywordOf(entry.getValue());
			// "pin-length 4..8" assigns two features; one repetition is one finding
			if (reported.add(keyword + '@' + duplicate.getStartLine())) {
				getMessageAcceptor().acceptError("Setting " + keyword + " is written twice in " + Labels.where(object),
						object, duplicate.getOffset(), duplicate.getLength(), IssueCodes.DUPLICATE_SETTING);
			}
		}
	}

	private void countAssignments(EObject object, ICompositeNode parent, Map<EStructuralFeature, Integer> counts,
			Map<INode, Assignment> repeated) {
		for (INode child : parent.getChildren()) {
			EObject grammarElement = child.getGrammarElement();
			if (child instanceof ICompositeNode composite && composite.hasDirectSemanticElement()
					&& composite.getSemanticElement() != object) {
				// a child element created by a leading action keeps its own assignment in an empty first child
				if (grammarElement instanceof Action && composite.getFirstChild() instanceof ICompositeNode call
						&& call.getGrammarElement() instanceof RuleCall) {
					count(object, GrammarUtil.containingAssignment(call.getGrammarElement()), composite, counts, repeated);
				} else {
					count(object, grammarElement instanceof AbstractElement e ? GrammarUtil.containingAssignment(e) : null,
							composite, counts, repeated);
				}
				continue;
			}
			if (child instanceof ICompositeNode composite && !composite.hasChildren()) {
				continue;
			}
			Assignment assignment = grammarElement instanceof AbstractElement e ? GrammarUtil.containingAssignment(e)
					: null;
			if (assignment != null) {
				count(object, assignment, child, counts, repeated);
			} else if (child instanceof ICompositeNode composite) {
				countAssignments(object, composite, counts, repeated);
			}
		}
	}

	private static void count(EObject object, Assignment assignment, INode node, Map<EStructuralFeature, Integer> counts,
			Map<INode, Assignment> repeated) {
		if (assignment == null) {
			return;
		}
		EStructuralFeature feature = object.eClass().getEStructuralFeature(assignment.getFeature());
		if (feature == null || feature.isMany()) {
			return;
		}
		if (counts.merge(feature, 1, Integer::sum) > 1) {
			repeated.put(node, assignment);
		}
	}

	/** The keyword that introduces the setting: the first keyword of the alternative it belongs to. */
	private static String keywordOf(Assignment assignment) {
		if (assignment.getTerminal() instanceof Keyword keyword) {
			return keyword.getValue();
		}
		if (assignment.eContainer() instanceof org.eclipse.xtext.Group group
				&& group.getElements().get(0) instanceof Keyword keyword) {
			return keyword.getValue();
		}
		return assignment.getFeature();
	}

	@Check
	public void checkProfileInheritanceIsAcyclic(Profile profile) {
		List<String> path = new ArrayList<>();
		Set<Profile> seen = new HashSet<>();
		for (Profile parent = profile.getParent(); parent != null && !parent.eIsProxy() && seen.add(parent);
				parent = parent.getParent()) {
			path.add(parent.getName());
			if (parent == profile) {
				error("Profile " + profile.getName() + " extends itself through " + String.join(" -> ", path), profile,
						Literals.PROFILE__PARENT, IssueCodes.INHERITANCE_CYCLE);
				return;
			}
		}
	}

	@Check
	public void checkGroupInclusionIsAcyclic(Group group) {
		if (includesItself(group, group, new HashSet<>())) {
			error("Group " + group.getName() + " includes itself", group, Literals.GROUP__INCLUDES,
					IssueCodes.INHERITANCE_CYCLE);
		}
	}

	private static boolean includesItself(Group start, Group current, Set<Group> seen) {
		for (Group included : current.getIncludes()) {
			if (included == start) {
				return true;
			}
			if (!included.eIsProxy() && seen.add(included) && includesItself(start, included, seen)) {
				return true;
			}
		}
		return false;
	}
}
