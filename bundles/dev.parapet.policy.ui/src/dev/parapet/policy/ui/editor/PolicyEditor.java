// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.editor;

import java.util.ListResourceBundle;
import java.util.ResourceBundle;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ContentAssistAction;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

import dev.parapet.policy.ui.internal.editor.PolicyDocumentProvider;
import dev.parapet.policy.ui.internal.editor.PolicyEditorSupport;

/**
 * The editor for Parapet policy files ({@code .parapet}): a JFace text editor over the Xtext services
 * of the policy language, with colouring, problems while typing, content assist, hovers,
 * go-to-definition, outline, formatting and line comments.
 */
public class PolicyEditor extends TextEditor {

	/** Editor id (see plugin.xml). */
	public static final String ID = "dev.parapet.policy.ui.editor";
	/** Key binding context active in the policy editor. */
	public static final String CONTEXT = "dev.parapet.policy.ui.editorContext";

	private static final ResourceBundle ACTION_TEXTS = new ListResourceBundle() {
		@Override
		protected Object[][] getContents() {
			return new Object[][] { { "ContentAssistProposal.label", "Content Assist" },
					{ "ContentAssistProposal.tooltip", "Content Assist" } };
		}
	};

	private PolicyEditorSupport support;

	@Override
	protected void initializeEditor() {
		super.initializeEditor();
		setDocumentProvider(PolicyDocumentProvider.shared());
		support = new PolicyEditorSupport(this, getPreferenceStore());
		setSourceViewerConfiguration(support.configuration());
	}

	@Override
	protected void initializeKeyBindingScopes() {
		setKeyBindingScopes(new String[] { CONTEXT });
	}

	@Override
	public void createPartControl(Composite parent) {
		super.createPartControl(parent);
		support.install(getSourceViewer());
	}

	@Override
	protected void doSetInput(IEditorInput input) throws CoreException {
		boolean replacing = getEditorInput() != null && getSourceViewer() != null;
		super.doSetInput(input);
		if (replacing) {
			support.connect();
		}
	}

	@Override
	protected void createActions() {
		super.createActions();
		ContentAssistAction assist = new ContentAssistAction(ACTION_TEXTS, "ContentAssistProposal.", this);
		assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
		setAction("ContentAssistProposal", assist);
		markAsStateDependentAction("ContentAssistProposal", true);
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (IContentOutlinePage.class.equals(adapter)) {
			return adapter.cast(support.outline());
		}
		return super.getAdapter(adapter);
	}

	/** The editor's language services (format, comments, declarations, latest parse). */
	public PolicyEditorSupport support() {
		return support;
	}

	/** The source viewer, for the handlers and tests that drive the editor. */
	public ISourceViewer viewer() {
		return getSourceViewer();
	}

	@Override
	public void dispose() {
		support.dispose();
		super.dispose();
	}
}
