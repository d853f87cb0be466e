// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.formatting2;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.Action;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.IEObjectRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.parapet.policy.policy.Element;
import dev.parapet.policy.policy.Import;
import dev.parapet.policy.policy.PolicyFile;

/**
 * The one canonical layout of policy files (docs/language.md, "Formatting"): imports one per line,
 * a blank line between top-level elements, one setting per line, blocks indented by one tab, single
 * spaces between the words of a setting, no spaces around {@code ..} and before {@code ,}. One blank
 * line between settings is kept where the author wrote one; comments are kept.
 * <p>
 * The rules are derived from the grammar rather than listed per element: inside braces, a token
 * starts a new line when it starts one iteration of the block's loop of settings.
 */
public class PolicyFormatter extends AbstractJavaFormatter {

	protected void format(PolicyFile file, IFormattableDocument doc) {
		IEObjectRegion root = getTextRegionAccess().regionForEObject(file);
		if (root == null) {
			return;
		}
		ISemanticRegion last = null;
		for (ISemanticRegion region : root.getAllSemanticRegions()) {
			doc.append(region, it -> {
				it.oneSpace();
				it.lowPriority();
			});
			last = region;
		}
		if (last != null) {
			doc.append(last, it -> {
				it.setNewLines(1);
				it.highPriority();
			});
		}
		ISemanticRegion firstRegion = root.getAllSemanticRegions().iterator().hasNext()
				? root.getAllSemanticRegions().iterator().next() : null;
		if (firstRegion != null && !firstRegion.getPreviousHiddenRegion().containsComment()) {
			doc.prepend(firstRegion, it -> it.noSpace());
		}
		boolean first = true;
		for (Import anImport : file.getImports()) {
			if (!first) {
				doc.prepend(anImport, it -> it.newLine());
			}
			first = false;
		}
		for (Element element : file.getElements()) {
			if (!first) {
				doc.prepend(element, it -> it.setNewLines(2));
			}
			first = false;
		}
		for (var contents = file.eAllContents(); contents.hasNext();) {
			formatBlock(contents.next(), doc);
		}
		for (ISemanticRegion region : root.getAllSemanticRegions()) {
			if (region.getGrammarElement() instanceof Keyword keyword) {
				switch (keyword.getValue()) {
					case ".." -> doc.surround(region, it -> it.noSpace());
					case "," -> doc.prepend(region, it -> it.noSpace());
					default -> {
						// words keep the single space set above
					}
				}
			}
		}
	}

	/** Indents the block's interior and starts each of its settings on a line of its own. */
	private void formatBlock(EObject block, IFormattableDocument doc) {
		ISemanticRegion open = regionFor(block).keyword("{");
		ISemanticRegion close = regionFor(block).keyword("}");
		if (open == null || close == null) {
			return;
		}
		doc.interior(open, close, it -> it.indent());
		doc.append(open, it -> it.newLine());
		doc.prepend(close, it -> it.newLine());
		IEObjectRegion blockRegion = getTextRegionAccess().regionForEObject(block);
		for (ISemanticRegion region : blockRegion.getSemanticRegions()) {
			if (region.getOffset() > open.getOffset() && region.getEndOffset() <= close.getOffset()
					&& region != close && region.getPreviousHiddenRegion() != open.getNextHiddenRegion()
					&& region.getGrammarElement() instanceof AbstractElement element
					&& startsSetting(element)) {
				doc.prepend(region, it -> it.setNewLines(1, 1, 2));
			}
		}
		for (EObject child : block.eContents()) {
			var node = NodeModelUtils.getNode(child);
			// an element created by a leading action keeps the call of its rule as the node's first child
			if (node != null && node.getGrammarElement() instanceof Action && node.getFirstChild() instanceof ICompositeNode call) {
				node = call;
			}
			var childRegion = getTextRegionAccess().regionForEObject(child);
			if (node != null && childRegion != null && childRegion.getOffset() > open.getOffset()
					&& childRegion.getPreviousHiddenRegion() != open.getNextHiddenRegion()
					&& node.getGrammarElement() instanceof AbstractElement element && startsSetting(element)) {
				doc.prepend(child, it -> it.setNewLines(1, 1, 2));
			}
		}
	}

	/**
	 * Whether the grammar element begins one iteration of a block-level loop: climbing from it through
	 * first positions of groups, assignments and alternatives reaches a repeated element that sits
	 * directly in a braced group, or that is the body of a fragment (the device and profile sections).
	 */
	static boolean startsSetting(AbstractElement element) {
		EObject current = element;
		while (current instanceof AbstractElement abstractElement) {
			if (isRepeated(abstractElement) && isBlockLevel(abstractElement)) {
				return true;
			}
			EObject parent = current.eContainer();
			if (parent instanceof Group group) {
				if (group.getElements().get(0) != current) {
					return false;
				}
			} else if (!(parent instanceof Assignment || parent instanceof Alternatives || parent instanceof CrossReference)) {
				return false;
			}
			current = parent;
		}
		return false;
	}

	private static boolean isRepeated(AbstractElement element) {
		return "*".equals(element.getCardinality()) || "+".equals(element.getCardinality());
	}

	private static boolean isBlockLevel(AbstractElement element) {
		EObject container = element.eContainer();
		if (container instanceof ParserRule rule) {
			return rule.isFragment();
		}
		if (container instanceof Group group) {
			for (AbstractElement sibling : group.getElements()) {
				if (sibling instanceof Keyword keyword && "{".equals(keyword.getValue())) {
					return true;
				}
			}
		}
		return false;
	}
}
