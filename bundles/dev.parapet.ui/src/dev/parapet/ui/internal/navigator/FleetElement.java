// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal.navigator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.util.ITextRegion;

import dev.parapet.policy.ui.internal.model.ModelStructure;
import dev.parapet.policy.ui.internal.model.SourceRegions;

/**
 * A declaration shown in the fleet navigator under its file: a device, profile or other top-level
 * element, or a rule inside one. A value object (no EMF model is kept), equal across re-parses when it
 * is at the same place in the model, so that the tree keeps its expansion when files change.
 */
public final class FleetElement {

	private final IFile file;
	private final FleetElement parent;
	private final String path;
	private final String label;
	private final String detail;
	private final String kind;
	private final boolean section;
	private final int offset;
	private final int length;
	private final int fullOffset;
	private final int fullLength;
	private final List<FleetElement> children = new ArrayList<>();

	private FleetElement(IFile file, FleetElement parent, EObject source) {
		this.file = file;
		this.parent = parent;
		this.path = EcoreUtil.getURI(source).fragment();
		this.label = ModelStructure.label(source);
		this.detail = ModelStructure.detail(source);
		this.kind = ModelStructure.kind(source);
		this.section = ModelStructure.isSection(source);
		ITextRegion region = SourceRegions.significant(source);
		this.offset = region.getOffset();
		this.length = region.getLength();
		ITextRegion full = SourceRegions.full(source);
		this.fullOffset = full.getOffset();
		this.fullLength = full.getLength();
	}

	/** The tree of elements under {@code root} (a parsed policy file). */
	static List<FleetElement> of(IFile file, EObject root) {
		List<FleetElement> top = new ArrayList<>();
		for (EObject child : ModelStructure.children(root, true)) {
			top.add(create(file, null, child));
		}
		return top;
	}

	private static FleetElement create(IFile file, FleetElement parent, EObject source) {
		FleetElement element = new FleetElement(file, parent, source);
		for (EObject child : ModelStructure.children(source, true)) {
			element.children.add(create(file, element, child));
		}
		return element;
	}

	/** The file that declares the element. */
	public IFile file() {
		return file;
	}

	/** The enclosing element, or null under the file. */
	public FleetElement parent() {
		return parent;
	}

	/** Keyword and name as written ("device laptop-01"). */
	public String label() {
		return label;
	}

	/** Secondary text ("extends office"), possibly empty. */
	public String detail() {
		return detail;
	}

	/** The model class name ("Device", "StorageRule"). */
	public String kind() {
		return kind;
	}

	/** Whether this is a section (never the case in the navigator, which flattens sections). */
	public boolean section() {
		return section;
	}

	/** Offset of the declared name in the file. */
	public int offset() {
		return offset;
	}

	/** Length of the declared name. */
	public int length() {
		return length;
	}

	/** Whether a text offset of the file lies inside the element's text. */
	public boolean contains(int textOffset) {
		return fullOffset <= textOffset && textOffset <= fullOffset + fullLength;
	}

	/** Rules and other named children. */
	public List<FleetElement> children() {
		return children;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FleetElement element && element.file.equals(file) && element.path.equals(path)
				&& element.label.equals(label);
	}

	@Override
	public int hashCode() {
		return Objects.hash(file, path, label);
	}

	@Override
	public String toString() {
		return label;
	}
}
