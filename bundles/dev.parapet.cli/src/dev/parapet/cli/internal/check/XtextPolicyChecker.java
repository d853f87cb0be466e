// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.SourceFile;

/**
 * Checks policy files with the language's own Xtext services: {@link FleetResources} loads the
 * named files and, transitively, the files they import into one resource set; every resource in it
 * is validated with {@link IResourceValidator} ({@link CheckMode#ALL}).
 */
public final class XtextPolicyChecker implements PolicyChecker {

	private final Injector injector;
	private final Path workingDirectory;

	/**
	 * @param injector         the runtime injector of the policy language
	 * @param workingDirectory the directory imported files are shown relative to
	 */
	public XtextPolicyChecker(Injector injector, Path workingDirectory) {
		this.injector = injector;
		this.workingDirectory = workingDirectory;
	}

	@Override
	public Checked check(List<SourceFile> files) throws CliException {
		Map<URI, String> shown = new LinkedHashMap<>();
		for (SourceFile file : files) {
			shown.put(URI.createFileURI(file.path().toString()), file.shown());
		}
		XtextResourceSet resources = new FleetResources(injector).load(shown);
		IResourceValidator validator = injector.getInstance(IResourceValidator.class);
		List<String> checked = new ArrayList<>();
		List<Finding> findings = new ArrayList<>();
		for (Resource resource : List.copyOf(resources.getResources())) {
			String file = shown.computeIfAbsent(resource.getURI(), this::relativeName);
			checked.add(file);
			List<Finding> ofFile = new ArrayList<>();
			for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
				toFinding(file, issue, ofFile);
			}
			ofFile.sort(Finding.BY_POSITION);
			findings.addAll(ofFile);
		}
		return new Checked(checked, findings);
	}

	private String relativeName(URI uri) {
		return uri.isFile() ? workingDirectory.relativize(Path.of(uri.toFileString())).toString() : uri.toString();
	}

	private static void toFinding(String file, Issue issue, List<Finding> into) {
		Severity severity = switch (issue.getSeverity()) {
		case ERROR -> Severity.ERROR;
		case WARNING -> Severity.WARNING;
		case INFO -> Severity.INFO;
		case IGNORE -> null;
		};
		if (severity == null) {
			return;
		}
		into.add(new Finding(file, orOne(issue.getLineNumber()), orOne(issue.getColumn()), orZero(issue.getOffset()),
				orZero(issue.getLength()), severity, codeOf(issue.getCode()), oneLine(issue.getMessage())));
	}

	/** Parser and linker errors get short stable names; the language's own codes (PPnnnn) pass as they are. */
	static String codeOf(String xtextCode) {
		if (xtextCode == null) {
			return null;
		}
		return switch (xtextCode) {
		case Diagnostic.SYNTAX_DIAGNOSTIC -> "syntax";
		case Diagnostic.LINKING_DIAGNOSTIC -> "link";
		default -> xtextCode.substring(xtextCode.lastIndexOf('.') + 1);
		};
	}

	private static String oneLine(String message) {
		return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
	}

	private static int orOne(Integer value) {
		return value == null || value < 1 ? 1 : value;
	}

	private static int orZero(Integer value) {
		return value == null || value < 0 ? 0 : value;
	}
}
