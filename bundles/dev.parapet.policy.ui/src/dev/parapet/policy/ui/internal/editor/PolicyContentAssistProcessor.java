// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.swt.graphics.Image;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.util.TextRegion;

import dev.parapet.policy.ui.PolicyLanguage;
import dev.parapet.policy.ui.internal.model.PolicySnapshot;

/**
 * Content assist from Xtext's IDE-agnostic proposal provider (the one its language server uses):
 * keywords valid at the caret and the names that a cross-reference there may point to, fleet-wide.
 */
public final class PolicyContentAssistProcessor implements IContentAssistProcessor {

	private static final int MAX_PROPOSALS = 500;

	// the context factory parses alternative follow-ups in parallel
	private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "parapet-content-assist");
		thread.setDaemon(true);
		return thread;
	});

	private record Ranked(ContentAssistEntry entry, int priority) {
	}

	private final SnapshotSource snapshots;
	private String errorMessage;

	PolicyContentAssistProcessor(SnapshotSource snapshots) {
		this.snapshots = snapshots;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		return proposals(viewer.getDocument().get(), offset).toArray(new ICompletionProposal[0]);
	}

	/** The proposals for a caret position in a text, best first. */
	public List<ICompletionProposal> proposals(String text, int offset) {
		errorMessage = null;
		List<ICompletionProposal> result = new ArrayList<>();
		try {
			Set<String> seen = new LinkedHashSet<>();
			for (Ranked ranked : entries(text, offset)) {
				ContentAssistEntry entry = ranked.entry();
				String proposal = entry.getProposal();
				if (proposal == null || !seen.add(proposal)) {
					continue;
				}
				String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
				String label = entry.getLabel() != null ? entry.getLabel() : proposal;
				String display = entry.getDescription() != null ? label + " - " + entry.getDescription() : label;
				result.add(new CompletionProposal(proposal, offset - prefix.length(), prefix.length(), proposal.length(),
						image(entry), display, null, null));
			}
		} catch (RuntimeException e) {
			// shown by the content assistant in place of proposals; the editor keeps working
			errorMessage = "Content assist failed: " + e.getMessage();
		}
		return result;
	}

	private List<Ranked> entries(String text, int offset) {
		PolicySnapshot snapshot = snapshots.snapshotOf(text);
		ContentAssistContextFactory factory = PolicyLanguage.get(ContentAssistContextFactory.class);
		factory.setPool(POOL);
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, snapshot.resource());
		List<Ranked> entries = new ArrayList<>();
		PolicyLanguage.get(IdeContentProposalProvider.class).createProposals(List.of(contexts),
				new IIdeContentProposalAcceptor() {
					@Override
					public synchronized void accept(ContentAssistEntry entry, int priority) {
						if (entry != null) {
							entries.add(new Ranked(entry, priority));
						}
					}

					@Override
					public synchronized boolean canAcceptMoreProposals() {
						return entries.size() < MAX_PROPOSALS;
					}
				});
		// references before keywords, then alphabetical
		entries.sort(Comparator.comparingInt((Ranked r) -> isReference(r.entry()) ? 0 : 1)
				.thenComparing(Comparator.comparingInt(Ranked::priority).reversed())
				.thenComparing(r -> String.valueOf(r.entry().getProposal())));
		return entries;
	}

	private static boolean isReference(ContentAssistEntry entry) {
		return !ContentAssistEntry.KIND_KEYWORD.equals(entry.getKind());
	}

	private static Image image(ContentAssistEntry entry) {
		return isReference(entry) ? PolicyImages.reference() : PolicyImages.keyword();
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return new IContextInformation[0];
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[0];
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return new char[0];
	}

	@Override
	public String getErrorMessage() {
		return errorMessage;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
