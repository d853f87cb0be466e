// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.formatting2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Formats policy text into the canonical layout ({@link PolicyFormatter}); used by
 * {@code parapet fmt} and the editor. Text with syntax errors is refused rather than guessed at.
 */
public final class PolicyFormatting {

	private final Provider<XtextResourceSet> resourceSets;
	private final Provider<TextRegionAccessBuilder> regionAccessBuilders;
	private final Provider<FormatterRequest> requests;
	private final Provider<IFormatter2> formatters;

	@Inject
	public PolicyFormatting(Provider<XtextResourceSet> resourceSets, Provider<TextRegionAccessBuilder> regionAccessBuilders,
			Provider<FormatterRequest> requests, Provider<IFormatter2> formatters) {
		this.resourceSets = resourceSets;
		this.regionAccessBuilders = regionAccessBuilders;
		this.requests = requests;
		this.formatters = formatters;
	}

	/**
	 * @return the text in canonical layout
	 * @throws IllegalArgumentException when the text has syntax errors (the message names the first)
	 */
	public String format(String text) {
		XtextResource resource = (XtextResource) resourceSets.get().createResource(URI.createURI("format.parapet"));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		} catch (IOException e) {
			throw new IllegalStateException("reading from memory failed", e);
		}
		if (resource.getParseResult() != null && resource.getParseResult().hasSyntaxErrors()) {
			var error = resource.getParseResult().getSyntaxErrors().iterator().next();
			throw new IllegalArgumentException("line " + error.getStartLine() + ": "
					+ error.getSyntaxErrorMessage().getMessage());
		}
		return format(resource);
	}

	/** Formats a parsed resource without syntax errors. */
	public String format(XtextResource resource) {
		ITextRegionAccess access = regionAccessBuilders.get().forNodeModel(resource).create();
		FormatterRequest request = requests.get();
		request.setTextRegionAccess(access);
		request.setAllowIdentityEdits(false);
		return access.getRewriter().renderToString(formatters.get().format(request));
	}
}
