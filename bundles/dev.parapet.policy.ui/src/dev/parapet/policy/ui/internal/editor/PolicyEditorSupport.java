// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.texteditor.IDocumentProvider;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.util.TextRegion;

import dev.parapet.policy.ui.editor.PolicyEditor;
import dev.parapet.policy.ui.internal.build.EditedFiles;
import dev.parapet.policy.ui.internal.build.FleetBuilder;
import dev.parapet.policy.ui.internal.build.ProblemMarkers;
import dev.parapet.policy.ui.internal.model.PolicySnapshot;

/**
 * Everything the policy editor adds to a text editor, kept out of the editor class: the model
 * reconciler, semantic colouring, outline, and the format / comment / open-declaration operations.
 */
public final class PolicyEditorSupport {

	private final PolicyEditor editor;
	private final ModelReconciler reconciler;
	private final PolicySourceViewerConfiguration configuration;
	private final ISelectionChangedListener caretListener = event -> {
		if (event.getSelection() instanceof ITextSelection selection && this.outline != null) {
			this.outline.reveal(selection.getOffset());
		}
	};
	private SemanticHighlighter highlighter;
	private PolicyOutlinePage outline;
	private IFile file;

	/** Support for {@code editor}; call from the editor's {@code initializeEditor}. */
	public PolicyEditorSupport(PolicyEditor editor, IPreferenceStore preferences) {
		this.editor = editor;
		this.reconciler = new ModelReconciler(Display.getCurrent());
		this.configuration = new PolicySourceViewerConfiguration(preferences, reconciler,
				() -> editor.getSite().getPage());
		reconciler.addListener(this::reconciled);
	}

	/** The viewer configuration to install. */
	public PolicySourceViewerConfiguration configuration() {
		return configuration;
	}

	/** Hooks into the created source viewer and starts following the editor input. */
	public void install(ISourceViewer viewer) {
		highlighter = new SemanticHighlighter(viewer);
		highlighter.install();
		if (viewer instanceof IPostSelectionProvider selections) {
			selections.addPostSelectionChangedListener(caretListener);
		}
		connect();
	}

	/** Follows a new editor input (the editor was created on it, or its file was moved or renamed). */
	public void connect() {
		IEditorInput input = editor.getEditorInput();
		IDocumentProvider provider = editor.getDocumentProvider();
		IDocument document = provider.getDocument(input);
		if (document == null) {
			return;
		}
		releaseFile();
		file = input.getAdapter(IFile.class);
		if (file != null && file.getLocation() != null) {
			IFile owned = file;
			EditedFiles.add(owned);
			reconciler.connect(document, owned, file.getLocation().toPath(),
					snapshot -> ProblemMarkers.replace(owned, snapshot.issues()));
		} else if (input instanceof IURIEditorInput uriInput && "file".equals(uriInput.getURI().getScheme())) {
			file = null;
			IAnnotationModel annotations = provider.getAnnotationModel(input);
			reconciler.connect(document, null, Path.of(uriInput.getURI()), new ProblemAnnotations(annotations));
		}
	}

	/** The outline page, created on first request. */
	public PolicyOutlinePage outline() {
		if (outline == null) {
			outline = new PolicyOutlinePage(editor);
			PolicySnapshot latest = reconciler.latest();
			if (latest != null) {
				outline.update(latest);
			}
		}
		return outline;
	}

	/** The latest parse with validation of the editor text, if one finished. */
	public Optional<PolicySnapshot> latest() {
		return Optional.ofNullable(reconciler.latest());
	}

	/** Calls {@code listener} on the UI thread after each parse of the current text. */
	public void onReconciled(Consumer<PolicySnapshot> listener) {
		reconciler.addListener((snapshot, regions) -> listener.accept(snapshot));
	}

	/**
	 * Formats the selection, or the whole text when nothing is selected. Returns false (and changes
	 * nothing) when the text has syntax errors, which the formatter cannot lay out.
	 */
	public boolean format() throws BadLocationException {
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		PolicySnapshot snapshot = reconciler.snapshotOf(document.get());
		if (snapshot.resource().getParseResult().hasSyntaxErrors()) {
			return false;
		}
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		TextRegion region = selection.getLength() > 0 ? new TextRegion(selection.getOffset(), selection.getLength())
				: null;
		List<ITextReplacement> replacements = SourceFormatter.replacements(snapshot.resource(), region);
		undoable(() -> SourceFormatter.apply(document, replacements));
		return true;
	}

	/** Comments out the selected lines with {@code //}, or uncomments them. */
	public void toggleComment() throws BadLocationException {
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		IRegion[] lines = new IRegion[1];
		undoable(() -> lines[0] = LineComments.toggle(document, selection.getOffset(), selection.getLength()));
		editor.selectAndReveal(lines[0].getOffset(), lines[0].getLength());
	}

	private interface DocumentChange {
		void run() throws BadLocationException;
	}

	// many document edits, one step for Undo
	private void undoable(DocumentChange change) throws BadLocationException {
		IRewriteTarget target = editor.getAdapter(IRewriteTarget.class);
		if (target != null) {
			target.beginCompoundChange();
		}
		try {
			change.run();
		} finally {
			if (target != null) {
				target.endCompoundChange();
			}
		}
	}

	/** Opens the declaration of the reference at the caret; false when the caret is on no resolvable reference. */
	public boolean openDeclaration() {
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		return DeclarationFinder.at(reconciler.snapshotOf(document.get()), selection.getOffset()).map(link -> {
			SourceOpener.open(editor.getSite().getPage(), link.file(), link.targetRegion().getOffset(),
					link.targetRegion().getLength());
			return true;
		}).orElse(false);
	}

	/** Stops following the input; the builder takes the file's markers back. */
	public void dispose() {
		reconciler.disconnect();
		if (highlighter != null) {
			highlighter.uninstall();
		}
		releaseFile();
	}

	private void releaseFile() {
		if (file == null) {
			return;
		}
		EditedFiles.remove(file);
		// the markers were for the typed text, which may not have been saved
		IProject project = file.getProject();
		WorkspaceJob recheck = new WorkspaceJob("Checking fleet " + project.getName()) {
			@Override
			public IStatus runInWorkspace(org.eclipse.core.runtime.IProgressMonitor monitor)
					throws org.eclipse.core.runtime.CoreException {
				FleetBuilder.validate(project, monitor);
				return Status.OK_STATUS;
			}
		};
		recheck.setRule(project);
		recheck.schedule();
		file = null;
	}

	private void reconciled(PolicySnapshot snapshot, List<SemanticRegions.Region> regions) {
		if (highlighter != null) {
			highlighter.update(regions);
		}
		if (outline != null) {
			outline.update(snapshot);
		}
	}
}
