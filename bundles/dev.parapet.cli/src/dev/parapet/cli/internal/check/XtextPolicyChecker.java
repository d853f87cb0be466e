// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import dev.parapet.cli.internal.PolicySources;
import dev.parapet.cli.internal.SourceFile;
import dev.parapet.policy.policy.Import;
import dev.parapet.policy.policy.PolicyFile;

/**
 * Checks policy files with the language's own Xtext services: one resource set holds the named files
 * and, transitively, the files they import; every resource in it is validated with
 * {@link IResourceValidator} ({@link CheckMode#ALL}).
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
		XtextResourceSet resources = injector.getInstance(XtextResourceSet.class);
		Map<URI, String> shown = new HashMap<>();
		for (SourceFile file : files) {
			URI uri = URI.createFileURI(file.path().toString());
			shown.put(uri, file.shown());
			load(resources, uri, file.shown());
		}
		loadImports(resources, shown);
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

	private static void load(XtextResourceSet resources, URI uri, String shown) throws CliException {
		try {
			resources.getResource(uri, true);
		} catch (RuntimeException e) {
			Throwable cause = e.getCause() != null ? e.getCause() : e;
			throw new CliException(shown + ": cannot read: " + cause.getMessage(), e);
		}
	}

	/** Loads imported files that exist; a missing import is reported by the language's validation. */
	private void loadImports(XtextResourceSet resources, Map<URI, String> shown) throws CliException {
		for (int next = 0; next < resources.getResources().size(); next++) {
			Resource resource = resources.getResources().get(next);
			if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof PolicyFile policy)) {
				continue;
			}
			for (Import anImport : policy.getImports()) {
				if (anImport.getImportURI() == null || !anImport.getImportURI().endsWith(PolicySources.EXTENSION)) {
					continue;
				}
				URI imported = URI.createURI(anImport.getImportURI()).resolve(resource.getURI());
				if (!imported.isFile() || resources.getResource(imported, false) != null) {
					continue;
				}
				Path path = Path.of(imported.toFileString());
				if (Files.isRegularFile(path)) {
					load(resources, imported, shown.computeIfAbsent(imported, this::relativeName));
				}
			}
		}
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
