// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.effective;

import org.eclipse.emf.ecore.EObject;

/**
 * One effective value of a device policy and the element that wrote it.
 *
 * @param value  the effective value; {@code null} only where the language default is "absent"
 *               (for example no IOMMU, no OS loader path)
 * @param source the section or rule that wrote the value, or {@code null} when the value is the
 *               language default documented in docs/language.md
 */
public record Setting<T>(T value, EObject source) {

	/** A value nobody wrote: the language default. */
	public static <T> Setting<T> languageDefault(T value) {
		return new Setting<>(value, null);
	}

	public boolean isLanguageDefault() {
		return source == null;
	}
}
