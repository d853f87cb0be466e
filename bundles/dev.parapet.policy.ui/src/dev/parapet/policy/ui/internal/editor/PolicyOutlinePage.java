// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.eclipse.xtext.util.ITextRegion;

import dev.parapet.policy.policy.PolicyFile;
import dev.parapet.policy.ui.editor.PolicyEditor;
import dev.parapet.policy.ui.internal.model.ModelStructure;
import dev.parapet.policy.ui.internal.model.PolicySnapshot;
import dev.parapet.policy.ui.internal.model.SourceRegions;

/**
 * Outline of the open policy file: top-level elements, their sections and rules. Selecting an entry
 * selects its name in the editor; moving the caret selects the innermost entry around it.
 */
public final class PolicyOutlinePage extends ContentOutlinePage {

	private final PolicyEditor editor;
	private PolicySnapshot shown;
	private boolean revealing;

	/** An outline for {@code editor}; it fills itself from the editor's parses. */
	public PolicyOutlinePage(PolicyEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new Content());
		viewer.setLabelProvider(new DelegatingStyledCellLabelProvider(new PolicyLabels()));
		viewer.setAutoExpandLevel(2);
		if (shown != null) {
			viewer.setInput(shown.model().orElse(null));
		}
	}

	/** Shows the model of a new parse, keeping the expanded entries expanded. */
	public void update(PolicySnapshot snapshot) {
		shown = snapshot;
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		Set<String> expanded = new HashSet<>();
		for (Object element : viewer.getExpandedElements()) {
			expanded.add(path((EObject) element));
		}
		viewer.getControl().setRedraw(false);
		try {
			viewer.setInput(snapshot.model().orElse(null));
			if (!expanded.isEmpty()) {
				List<EObject> again = new ArrayList<>();
				snapshot.model().ifPresent(model -> collect(model, expanded, again));
				viewer.setExpandedElements(again.toArray());
			}
		} finally {
			viewer.getControl().setRedraw(true);
		}
	}

	/** Entries currently shown at the top level (for tests and the navigator's checks). */
	public List<String> topLevelLabels() {
		List<String> labels = new ArrayList<>();
		if (shown != null) {
			shown.model().ifPresent(model -> ModelStructure.children(model, false)
					.forEach(element -> labels.add(ModelStructure.label(element))));
		}
		return labels;
	}

	/** Label of the selected entry, or an empty string. */
	public String selectedLabel() {
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || !(viewer.getStructuredSelection().getFirstElement() instanceof EObject element)) {
			return "";
		}
		return ModelStructure.label(element);
	}

	/** Selects the innermost entry around a text offset, without moving the editor selection. */
	public void reveal(int offset) {
		TreeViewer viewer = getTreeViewer();
		if (shown == null || viewer == null || viewer.getControl().isDisposed() || !shown.model().isPresent()) {
			return;
		}
		EObject innermost = innermost(shown.model().get(), offset);
		revealing = true;
		try {
			viewer.setSelection(innermost == null ? StructuredSelection.EMPTY : new StructuredSelection(innermost), true);
		} finally {
			revealing = false;
		}
	}

	@Override
	public void selectionChanged(org.eclipse.jface.viewers.SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (revealing || !(event.getSelection() instanceof IStructuredSelection selection)
				|| !(selection.getFirstElement() instanceof EObject element)) {
			return;
		}
		ITextRegion region = SourceRegions.significant(element);
		editor.selectAndReveal(region.getOffset(), region.getLength());
	}

	private static EObject innermost(EObject parent, int offset) {
		for (EObject child : ModelStructure.children(parent, false)) {
			ITextRegion region = SourceRegions.full(child);
			if (region.getOffset() <= offset && offset <= region.getOffset() + region.getLength()) {
				EObject deeper = innermost(child, offset);
				return deeper == null ? child : deeper;
			}
		}
		return null;
	}

	private static void collect(EObject parent, Set<String> paths, List<EObject> into) {
		for (EObject child : ModelStructure.children(parent, false)) {
			if (paths.contains(path(child))) {
				into.add(child);
			}
			collect(child, paths, into);
		}
	}

	// entries are new objects after each parse: identify them by their labels from the root
	private static String path(EObject element) {
		StringBuilder path = new StringBuilder();
		for (EObject e = element; e != null && !(e instanceof PolicyFile); e = e.eContainer()) {
			path.insert(0, '/' + ModelStructure.label(e));
		}
		return path.toString();
	}

	private static final class Content implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return input instanceof EObject model ? ModelStructure.children(model, false).toArray() : new Object[0];
		}

		@Override
		public Object[] getChildren(Object parent) {
			return ModelStructure.children((EObject) parent, false).toArray();
		}

		@Override
		public Object getParent(Object element) {
			EObject container = ((EObject) element).eContainer();
			return container instanceof PolicyFile ? null : container;
		}

		@Override
		public boolean hasChildren(Object element) {
			return !ModelStructure.children((EObject) element, false).isEmpty();
		}
	}
}
