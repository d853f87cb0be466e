// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.SourceFile;
import dev.parapet.cli.internal.check.Finding;
import dev.parapet.cli.internal.check.Severity;
import dev.parapet.policy.formatting2.PolicyFormatting;
import dev.parapet.policy.validation.IssueCodes;

/**
 * Formats one policy file with the language's {@link PolicyFormatting}. Each file is parsed on its
 * own (formatting needs the syntax tree, not the references into other files), so that every
 * syntax error can be listed with its position before formatting is refused.
 */
public final class SourceFormatter {

	private final Injector injector;

	/**
	 * @param injector the runtime injector of the policy language
	 */
	public SourceFormatter(Injector injector) {
		this.injector = injector;
	}

	/**
	 * The outcome for one file: either its formatted text, or the syntax errors that prevent
	 * formatting it.
	 *
	 * @param original     the file as read
	 * @param formatted    the formatted text, null when there are syntax errors
	 * @param syntaxErrors the parser's errors, empty when formatted
	 */
	public record Result(String original, String formatted, List<Finding> syntaxErrors) {

		/** @return whether formatting changes the file */
		public boolean changes() {
			return formatted != null && !formatted.equals(original);
		}
	}

	/**
	 * @param file the file to format
	 * @return the formatted text or the syntax errors
	 * @throws CliException when the file cannot be read, or the formatter fails
	 */
	public Result format(SourceFile file) throws CliException {
		String original;
		try {
			original = Files.readString(file.path(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new CliException(file.shown() + ": cannot read: " + e.getMessage(), e);
		}
		XtextResource resource = parse(file, original);
		List<Finding> errors = syntaxErrors(file, resource);
		if (!errors.isEmpty()) {
			return new Result(original, null, errors);
		}
		return new Result(original, render(file, resource), List.of());
	}

	private XtextResource parse(SourceFile file, String text) throws CliException {
		XtextResourceSet resources = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) resources.createResource(URI.createFileURI(file.path().toString()));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
					resources.getLoadOptions());
		} catch (IOException e) {
			throw new CliException(file.shown() + ": cannot parse: " + e.getMessage(), e);
		}
		return resource;
	}

	private static List<Finding> syntaxErrors(SourceFile file, XtextResource resource) {
		List<Finding> errors = new ArrayList<>();
		for (Resource.Diagnostic error : resource.getErrors()) {
			String code = error instanceof AbstractDiagnostic coded && coded.getCode() != null ? coded.getCode()
					: IssueCodes.SYNTAX_ERROR;
			errors.add(new Finding(file.shown(), Math.max(1, error.getLine()), Math.max(1, error.getColumn()),
					Severity.ERROR, code, error.getMessage().replaceAll("\\s+", " ").strip()));
		}
		errors.sort(Finding.BY_POSITION);
		return errors;
	}

	private String render(SourceFile file, XtextResource resource) throws CliException {
		try {
			return injector.getInstance(PolicyFormatting.class).format(resource);
		} catch (RuntimeException e) {
			// fail closed: nothing is written when the formatter cannot lay the whole file out
			throw new CliException(file.shown() + ": the formatter failed: " + e, e);
		}
	}
}
