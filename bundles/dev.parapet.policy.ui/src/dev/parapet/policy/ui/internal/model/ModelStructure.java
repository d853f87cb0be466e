// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.model;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.parapet.policy.policy.Configurable;
import dev.parapet.policy.policy.Defaults;
import dev.parapet.policy.policy.Device;
import dev.parapet.policy.policy.PciDevice;
import dev.parapet.policy.policy.Profile;

/**
 * The tree shape of a policy file shared by the outline and the fleet navigator: top-level elements,
 * their sections and the named rules inside, each labelled with its keyword and name as written.
 */
public final class ModelStructure {

	private ModelStructure() {
	}

	/**
	 * Children of a model element worth showing. With {@code flattenSections} the rules of a device's
	 * sections become the device's children directly (navigator); otherwise sections are kept (outline).
	 */
	public static List<EObject> children(EObject parent, boolean flattenSections) {
		List<EObject> result = new ArrayList<>();
		for (EObject child : parent.eContents()) {
			if (isSection(child) && flattenSections) {
				result.addAll(children(child, true));
			} else if (isShown(child)) {
				result.add(child);
			}
		}
		return result;
	}

	/** Whether the element is a section of a configurable (storage, usb, network, dma, login, settings). */
	public static boolean isSection(EObject object) {
		return object.eContainer() instanceof Configurable && object.eClass().getName().endsWith("Section");
	}

	private static boolean isShown(EObject object) {
		return isSection(object) || object instanceof Defaults || object instanceof PciDevice || name(object) != null;
	}

	/** The declared name, or null for elements without one. */
	public static String name(EObject object) {
		EStructuralFeature feature = object.eClass().getEStructuralFeature("name");
		if (feature instanceof EAttribute && !feature.isMany()) {
			Object value = object.eGet(feature);
			return value == null ? null : value.toString();
		}
		return null;
	}

	/** The keyword that introduces the element in the text ({@code device}, {@code disk}, ...). */
	public static String keyword(EObject object) {
		ICompositeNode node = NodeModelUtils.getNode(object);
		if (node != null) {
			for (ILeafNode leaf : node.getLeafNodes()) {
				if (leaf.getGrammarElement() instanceof Keyword keyword) {
					return keyword.getValue();
				}
			}
		}
		return object.eClass().getName().toLowerCase(java.util.Locale.ROOT);
	}

	/** Label as written in the source: keyword and name, plus the parent profile for devices and profiles. */
	public static String label(EObject object) {
		StringBuilder label = new StringBuilder(keyword(object));
		String name = name(object);
		if (name != null) {
			label.append(' ').append(name);
		} else if (object instanceof PciDevice pci && pci.getAddress() != null) {
			label.append(' ').append(pci.getAddress());
		}
		return label.toString();
	}

	/** Secondary text shown after the label, or an empty string. */
	public static String detail(EObject object) {
		Profile parent = object instanceof Device device ? device.getParent()
				: object instanceof Profile profile ? profile.getParent() : null;
		if (parent != null) {
			String parentName = parent.eIsProxy() ? NodeModelUtils.findNodesForFeature(object,
					object.eClass().getEStructuralFeature("parent")).stream().map(n -> NodeModelUtils.getTokenText(n))
					.findFirst().orElse("?") : parent.getName();
			return "extends " + parentName;
		}
		if (object instanceof PciDevice pci && pci.getDescription() != null) {
			return pci.getDescription();
		}
		return "";
	}

	/** The kind of element, used to pick its icon and to name it in hovers ("Device", "StorageRule"). */
	public static String kind(EObject object) {
		return object.eClass().getName();
	}

	/** The kind as words for people: "storage rule", "device". */
	public static String kindInWords(EObject object) {
		String kind = kind(object);
		StringBuilder words = new StringBuilder();
		for (int i = 0; i < kind.length(); i++) {
			char c = kind.charAt(i);
			if (Character.isUpperCase(c) && i > 0) {
				words.append(' ');
			}
			words.append(Character.toLowerCase(c));
		}
		return words.toString();
	}
}
