// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider.IStyledLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.swt.graphics.Image;

import dev.parapet.policy.ui.internal.model.ModelStructure;

/** Labels of model elements in the outline: icon by kind, keyword and name, detail in grey. */
public final class PolicyLabels extends LabelProvider implements IStyledLabelProvider {

	@Override
	public String getText(Object element) {
		return element instanceof EObject object ? ModelStructure.label(object) : super.getText(element);
	}

	@Override
	public StyledString getStyledText(Object element) {
		if (!(element instanceof EObject object)) {
			return new StyledString(String.valueOf(element));
		}
		StyledString text = new StyledString(ModelStructure.label(object));
		String detail = ModelStructure.detail(object);
		if (!detail.isEmpty()) {
			text.append("  " + detail, StyledString.DECORATIONS_STYLER);
		}
		return text;
	}

	@Override
	public Image getImage(Object element) {
		return element instanceof EObject object ? PolicyImages.forKind(ModelStructure.kind(object), ModelStructure.isSection(object))
				: null;
	}
}
