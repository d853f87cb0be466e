// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.information.IInformationPresenter;
import org.eclipse.jface.text.information.IInformationProvider;
import org.eclipse.jface.text.information.InformationPresenter;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

/** Wires the policy services into the JFace source viewer: colouring, assist, hover, hyperlinks. */
public final class PolicySourceViewerConfiguration extends TextSourceViewerConfiguration {

	private final SnapshotSource snapshots;
	private final Supplier<IWorkbenchPage> page;
	private final PolicyContentAssistProcessor contentAssist;
	private final PolicyTextHover hover;

	PolicySourceViewerConfiguration(IPreferenceStore preferences, SnapshotSource snapshots, Supplier<IWorkbenchPage> page) {
		super(preferences);
		this.snapshots = snapshots;
		this.page = page;
		this.contentAssist = new PolicyContentAssistProcessor(snapshots);
		this.hover = new PolicyTextHover(snapshots);
	}

	/** The content assist processor (also used by tests to list proposals without the popup). */
	public PolicyContentAssistProcessor contentAssist() {
		return contentAssist;
	}

	/** The hover text (HTML) at an offset of a text, if any. */
	public String hoverAt(String text, int offset) {
		return hover.hoverAt(text, offset).orElse(null);
	}

	@Override
	public String getConfiguredDocumentPartitioning(ISourceViewer sourceViewer) {
		return PolicyPartitions.PARTITIONING;
	}

	@Override
	public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
		List<String> types = new ArrayList<>();
		types.add(IDocument.DEFAULT_CONTENT_TYPE);
		types.addAll(Arrays.asList(PolicyPartitions.TYPES));
		return types.toArray(new String[0]);
	}

	@Override
	public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
		PresentationReconciler reconciler = new PresentationReconciler();
		reconciler.setDocumentPartitioning(PolicyPartitions.PARTITIONING);
		add(reconciler, IDocument.DEFAULT_CONTENT_TYPE, new CodeScanner());
		add(reconciler, PolicyPartitions.DOC_COMMENT, uniform(PolicyStyles.DOC_COMMENT));
		add(reconciler, PolicyPartitions.BLOCK_COMMENT, uniform(PolicyStyles.COMMENT));
		add(reconciler, PolicyPartitions.LINE_COMMENT, uniform(PolicyStyles.COMMENT));
		add(reconciler, PolicyPartitions.STRING, uniform(PolicyStyles.STRING));
		return reconciler;
	}

	private static void add(PresentationReconciler reconciler, String contentType, RuleBasedScanner scanner) {
		DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(scanner);
		reconciler.setDamager(damagerRepairer, contentType);
		reconciler.setRepairer(damagerRepairer, contentType);
	}

	private static RuleBasedScanner uniform(TextAttribute style) {
		RuleBasedScanner scanner = new RuleBasedScanner();
		scanner.setDefaultReturnToken(new Token(style));
		return scanner;
	}

	@Override
	public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
		ContentAssistant assistant = new ContentAssistant();
		assistant.setDocumentPartitioning(PolicyPartitions.PARTITIONING);
		assistant.setContentAssistProcessor(contentAssist, IDocument.DEFAULT_CONTENT_TYPE);
		assistant.enableAutoActivation(true);
		assistant.setAutoActivationDelay(200);
		assistant.setShowEmptyList(true);
		assistant.setStatusLineVisible(true);
		assistant.setStatusMessage("Ctrl+Space: keywords and names valid here");
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}

	@Override
	public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
		return IDocument.DEFAULT_CONTENT_TYPE.equals(contentType) ? hover : null;
	}

	/** F2 (Show Tooltip Description): the hover of the name at the caret, without the mouse. */
	@Override
	public IInformationPresenter getInformationPresenter(ISourceViewer sourceViewer) {
		InformationPresenter presenter = new InformationPresenter(hover.getHoverControlCreator());
		presenter.setDocumentPartitioning(PolicyPartitions.PARTITIONING);
		presenter.setInformationProvider(new IInformationProvider() {
			@Override
			public IRegion getSubject(ITextViewer textViewer, int offset) {
				return hover.getHoverRegion(textViewer, offset);
			}

			@Override
			public String getInformation(ITextViewer textViewer, IRegion subject) {
				return hover.getHoverInfo(textViewer, subject);
			}
		}, IDocument.DEFAULT_CONTENT_TYPE);
		presenter.setSizeConstraints(80, 12, true, false);
		return presenter;
	}

	@Override
	public IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer sourceViewer) {
		List<IHyperlinkDetector> detectors = new ArrayList<>();
		detectors.add(new PolicyHyperlinkDetector(snapshots, page));
		IHyperlinkDetector[] inherited = super.getHyperlinkDetectors(sourceViewer);
		if (inherited != null) {
			detectors.addAll(Arrays.asList(inherited));
		}
		return detectors.toArray(new IHyperlinkDetector[0]);
	}

	@Override
	public IReconciler getReconciler(ISourceViewer sourceViewer) {
		// the model reconciler checks the text; a spelling checker would flag every policy word
		return null;
	}

	@Override
	public String[] getDefaultPrefixes(ISourceViewer sourceViewer, String contentType) {
		return new String[] { "//", "" };
	}
}
