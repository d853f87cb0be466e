// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.ui;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.swt.graphics.Image;

import dev.parapet.review.Verdict;

/** The review's icons: one per verdict, a device and the review itself. UI thread only. */
public final class ReviewImages {

	public static final String DEVICE = "device";
	public static final String REVIEW = "review";

	private static ImageRegistry registry;

	private ReviewImages() {
	}

	public static Image verdict(Verdict verdict) {
		return get(verdict.word());
	}

	public static Image get(String name) {
		if (registry == null) {
			registry = new ImageRegistry();
			for (String icon : new String[] { "widens", "narrows", "neutral", DEVICE, REVIEW }) {
				registry.put(icon, ResourceLocator.imageDescriptorFromBundle("dev.parapet.review.ui", "icons/" + icon + ".png")
						.orElse(ImageDescriptor.getMissingImageDescriptor()));
			}
		}
		return registry.get(name);
	}
}
