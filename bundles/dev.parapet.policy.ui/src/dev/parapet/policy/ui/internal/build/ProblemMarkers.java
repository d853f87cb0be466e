// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

import dev.parapet.policy.validation.IssueCodes;

/**
 * Writes validation issues as Parapet problem markers on workspace files, so that the Problems view,
 * the editor rulers and the navigator show them. One marker per issue, carrying the issue code.
 */
public final class ProblemMarkers {

	/** Marker type: a subtype of the platform problem and text markers (see plugin.xml). */
	public static final String TYPE = "dev.parapet.policy.ui.problem";
	/** Marker attribute holding the issue code (PPnnnn). */
	public static final String CODE = "code";

	private static final String[] KEYS = { IMarker.MESSAGE, IMarker.SEVERITY, IMarker.LINE_NUMBER, IMarker.LOCATION,
			IMarker.CHAR_START, IMarker.CHAR_END, CODE, IMarker.SOURCE_ID };

	private ProblemMarkers() {
	}

	/** Replaces the Parapet markers of {@code file} by markers for {@code issues}, in one workspace operation. */
	public static void replace(IFile file, List<Issue> issues) throws CoreException {
		if (!file.isAccessible()) {
			return;
		}
		List<Map<String, Object>> wanted = issues.stream().map(ProblemMarkers::attributes).toList();
		// re-checking after each keystroke mostly finds the same problems: leave those markers alone so
		// that the Problems view and the navigator do not redraw for nothing
		List<List<Object>> present = new ArrayList<>();
		for (IMarker marker : file.findMarkers(TYPE, true, IResource.DEPTH_ZERO)) {
			present.add(Arrays.asList(marker.getAttributes(KEYS)));
		}
		List<List<Object>> expected = wanted.stream().map(a -> Arrays.stream(KEYS).map(a::get).toList()).toList();
		if (present.size() == expected.size() && new HashSet<>(present).equals(new HashSet<>(expected))) {
			return;
		}
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		workspace.run(monitor -> {
			file.deleteMarkers(TYPE, true, IResource.DEPTH_ZERO);
			for (Map<String, Object> attributes : wanted) {
				file.createMarker(TYPE, attributes);
			}
		}, workspace.getRuleFactory().markerRule(file), IWorkspace.AVOID_UPDATE, null);
	}

	/** Removes all Parapet markers below a resource. */
	public static void clear(IResource resource) throws CoreException {
		if (resource.isAccessible()) {
			resource.deleteMarkers(TYPE, true, IResource.DEPTH_INFINITE);
		}
	}

	private static Map<String, Object> attributes(Issue issue) {
		Map<String, Object> attributes = new HashMap<>();
		// the code in the text too, so that the Problems view shows what to look up in docs/language.md
		attributes.put(IMarker.MESSAGE, issue.getMessage() + " [" + codeOf(issue) + "]");
		attributes.put(IMarker.SEVERITY, severity(issue.getSeverity()));
		if (issue.getLineNumber() != null) {
			attributes.put(IMarker.LINE_NUMBER, issue.getLineNumber());
			attributes.put(IMarker.LOCATION, "line " + issue.getLineNumber());
		}
		if (issue.getOffset() != null && issue.getLength() != null) {
			attributes.put(IMarker.CHAR_START, issue.getOffset());
			attributes.put(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
		}
		attributes.put(CODE, codeOf(issue));
		attributes.put(IMarker.SOURCE_ID, "Parapet");
		return attributes;
	}

	/** The PP code of an issue; syntax errors carry Xtext's own code, reported as PP1010 as the CLI does. */
	public static String codeOf(Issue issue) {
		String code = issue.getCode();
		if (code != null && code.startsWith("PP")) {
			return code;
		}
		return issue.isSyntaxError() || code == null ? IssueCodes.SYNTAX_ERROR : code;
	}

	private static int severity(Severity severity) {
		return switch (severity) {
		case ERROR -> IMarker.SEVERITY_ERROR;
		case WARNING -> IMarker.SEVERITY_WARNING;
		case INFO, IGNORE -> IMarker.SEVERITY_INFO;
		};
	}
}
