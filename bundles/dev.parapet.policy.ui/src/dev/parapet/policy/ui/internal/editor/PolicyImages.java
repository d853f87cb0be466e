// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.util.Locale;
import java.util.Set;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.swt.graphics.Image;

/** Icons of policy elements, loaded once into the JFace image registry. */
public final class PolicyImages {

	private static final String PREFIX = "dev.parapet.policy.ui/";
	private static final Set<String> KINDS = Set.of("fleet", "device", "profile", "defaults", "hardwaremodel", "holder",
			"group", "storagekey", "recoverycertificate", "trustanchor", "pcidevice", "dmarunit");

	private PolicyImages() {
	}

	/** Icon of an element kind (an EClass name); sections and rules share one icon each. */
	public static Image forKind(String kind, boolean section) {
		String key = kind.toLowerCase(Locale.ROOT);
		return get(section ? "section" : KINDS.contains(key) ? key : "rule");
	}

	/** Icon of a policy file. */
	public static Image policyFile() {
		return get("policyfile");
	}

	/** Icon of a fleet folder. */
	public static Image fleet() {
		return get("fleet");
	}

	static Image keyword() {
		return get("keyword");
	}

	static Image reference() {
		return get("reference");
	}

	private static Image get(String name) {
		ImageRegistry registry = JFaceResources.getImageRegistry();
		String key = PREFIX + name;
		Image image = registry.get(key);
		if (image == null) {
			ImageDescriptor descriptor = ResourceLocator.imageDescriptorFromBundle(PolicyImages.class, "icons/" + name + ".png")
					.orElse(ImageDescriptor.getMissingImageDescriptor());
			registry.put(key, descriptor);
			image = registry.get(key);
		}
		return image;
	}
}
