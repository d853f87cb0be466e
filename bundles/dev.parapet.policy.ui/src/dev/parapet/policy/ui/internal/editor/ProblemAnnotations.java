// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.xtext.validation.Issue;

import dev.parapet.policy.ui.internal.build.ProblemMarkers;
import dev.parapet.policy.ui.internal.model.PolicySnapshot;

/**
 * Problems of a file outside the workspace, which cannot carry markers: error, warning and info
 * annotations put straight into the editor's annotation model.
 */
final class ProblemAnnotations implements ProblemReporter {

	private final IAnnotationModel model;
	private Annotation[] shown = new Annotation[0];

	ProblemAnnotations(IAnnotationModel model) {
		this.model = model;
	}

	@Override
	public synchronized void report(PolicySnapshot snapshot) {
		Map<Annotation, Position> added = new HashMap<>();
		for (Issue issue : snapshot.issues()) {
			String type = switch (issue.getSeverity()) {
			case ERROR -> "org.eclipse.ui.workbench.texteditor.error";
			case WARNING -> "org.eclipse.ui.workbench.texteditor.warning";
			case INFO, IGNORE -> "org.eclipse.ui.workbench.texteditor.info";
			};
			int offset = issue.getOffset() == null ? 0 : issue.getOffset();
			int length = issue.getLength() == null ? 0 : issue.getLength();
			String message = issue.getMessage() + " [" + ProblemMarkers.codeOf(issue) + "]";
			added.put(new Annotation(type, false, message), new Position(offset, length));
		}
		((IAnnotationModelExtension) model).replaceAnnotations(shown, added);
		shown = added.keySet().toArray(new Annotation[0]);
	}
}
