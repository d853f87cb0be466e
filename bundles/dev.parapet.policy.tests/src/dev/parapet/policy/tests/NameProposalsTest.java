// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.TextRegion;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

import dev.parapet.policy.ide.PolicyIdeSetup;

/** Content assist (the IDE services behind the workbench's editor) where a name belongs. */
class NameProposalsTest {

	private static final Injector IDE = new PolicyIdeSetup().createInjectorAndDoEMFRegistration();

	private static final String PROFILES = "profile std {\n}\n\nprofile base {\n}\n\n";

	@Test
	void afterExtendsOnlyTheProfilesInScopeAreProposedNotTheWordsOfTheLanguage() throws Exception {
		assertEquals(List.of("base", "std"), proposals(PROFILES + "device d extends "));
	}

	@Test
	void whereANewNameBelongsNoWordOfTheLanguageIsProposed() throws Exception {
		assertEquals(List.of(), proposals(PROFILES + "device "));
	}

	@Test
	void afterANameTheKeywordsThatMayFollowAreStillProposed() throws Exception {
		assertEquals(List.of("extends", "{"), proposals(PROFILES + "device d "));
	}

	private static List<String> proposals(String text) throws Exception {
		XtextResourceSet set = IDE.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) set.createResource(URI.createURI("memory:/devices.parapet"));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		ContentAssistContextFactory factory = IDE.getInstance(ContentAssistContextFactory.class);
		var pool = Executors.newSingleThreadExecutor();
		try {
			factory.setPool(pool);
			ContentAssistContext[] contexts = factory.create(text, new TextRegion(text.length(), 0), text.length(), resource);
			List<String> proposals = new ArrayList<>();
			IDE.getInstance(IdeContentProposalProvider.class).createProposals(List.of(contexts),
					new IIdeContentProposalAcceptor() {
						@Override
						public synchronized void accept(ContentAssistEntry entry, int priority) {
							if (entry != null) {
								proposals.add(entry.getProposal());
							}
						}

						@Override
						public boolean canAcceptMoreProposals() {
							return true;
						}
					});
			return proposals.stream().distinct().sorted().toList();
		} finally {
			pool.shutdown();
		}
	}
}
