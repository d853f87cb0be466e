// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;

import dev.parapet.policy.ui.internal.build.ProblemMarkers;
import dev.parapet.policy.ui.internal.model.FleetParser;
import dev.parapet.policy.ui.internal.model.FleetSources;
import dev.parapet.policy.ui.internal.model.PolicySnapshot;

/**
 * Keeps an Xtext resource in step with an editor document: re-parses and validates in a background
 * job shortly after typing stops (and when another file of the fleet changes), writes the problems
 * and hands the result to the UI thread, unless the text changed meanwhile.
 */
public final class ModelReconciler implements SnapshotSource {

	/** Pause after the last keystroke before the text is parsed again. */
	static final long DELAY_MILLIS = 250;

	/** Receives each parse of the current text on the UI thread. */
	@FunctionalInterface
	public interface Listener {
		/** The text of the document was parsed and validated. */
		void reconciled(PolicySnapshot snapshot, List<SemanticRegions.Region> regions);
	}

	private final Display display;
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private final Job job;
	private final IDocumentListener documentListener = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			// only the change itself matters
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			schedule();
		}
	};
	private final IResourceChangeListener fleetListener = this::fleetChanged;

	private volatile IDocument document;
	private volatile URI uri;
	private volatile IFile file;
	private volatile Path externalFile;
	private volatile ProblemReporter problems;
	private volatile PolicySnapshot latest;

	ModelReconciler(Display display) {
		this.display = display;
		this.job = Job.create("Checking policy", this::reconcile);
		job.setSystem(true);
		job.setPriority(Job.DECORATE);
	}

	/** Starts following {@code newDocument}, the content of {@code workspaceFile} or of {@code path}. */
	void connect(IDocument newDocument, IFile workspaceFile, Path path, ProblemReporter reporter) {
		disconnect();
		document = newDocument;
		file = workspaceFile;
		externalFile = path;
		uri = URI.createFileURI(path.toAbsolutePath().toString());
		problems = reporter;
		newDocument.addDocumentListener(documentListener);
		ResourcesPlugin.getWorkspace().addResourceChangeListener(fleetListener, IResourceChangeEvent.POST_CHANGE);
		job.schedule();
	}

	void disconnect() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(fleetListener);
		IDocument old = document;
		if (old != null) {
			old.removeDocumentListener(documentListener);
		}
		job.cancel();
		document = null;
	}

	void addListener(Listener listener) {
		listeners.add(listener);
	}

	void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	/** Parses again soon. */
	void schedule() {
		job.cancel();
		job.schedule(DELAY_MILLIS);
	}

	/** The latest parse with validation, or null before the first one finished. */
	PolicySnapshot latest() {
		return latest;
	}

	@Override
	public PolicySnapshot snapshotOf(String text) {
		PolicySnapshot current = latest;
		if (current != null && current.isOf(text)) {
			return current;
		}
		return FleetParser.parse(uri, text, fleet(), null, CancelIndicator.NullImpl);
	}

	private List<URI> fleet() {
		List<URI> uris = new ArrayList<>();
		if (file != null) {
			for (IFile member : FleetSources.fleetOf(file)) {
				Path location = FleetSources.locationOf(member);
				if (location != null) {
					uris.add(URI.createFileURI(location.toString()));
				}
			}
		} else if (externalFile != null) {
			FleetSources.fleetOf(externalFile).forEach(p -> uris.add(URI.createFileURI(p.toString())));
		}
		return uris;
	}

	private IStatus reconcile(IProgressMonitor monitor) {
		IDocument watched = document;
		if (watched == null || display.isDisposed()) {
			return Status.OK_STATUS;
		}
		String[] text = new String[1];
		long[] stamp = new long[1];
		display.syncExec(() -> {
			text[0] = watched.get();
			stamp[0] = ((IDocumentExtension4) watched).getModificationStamp();
		});
		try {
			PolicySnapshot snapshot = FleetParser.parse(uri, text[0], fleet(), CheckMode.NORMAL_AND_FAST,
					monitor::isCanceled);
			if (monitor.isCanceled()) {
				return Status.CANCEL_STATUS;
			}
			List<SemanticRegions.Region> regions = SemanticRegions.of(snapshot);
			latest = snapshot;
			problems.report(snapshot);
			if (!display.isDisposed()) {
				display.asyncExec(() -> {
					if (document == watched && ((IDocumentExtension4) watched).getModificationStamp() == stamp[0]) {
						listeners.forEach(listener -> listener.reconciled(snapshot, regions));
					}
				});
			}
		} catch (CoreException | RuntimeException e) {
			// a failing check must not take the editor down; the log says why
			ILog.of(ModelReconciler.class).log(Status.error("Checking " + uri + " failed", e));
		}
		return Status.OK_STATUS;
	}

	private void fleetChanged(IResourceChangeEvent event) {
		IFile own = file;
		IResourceDelta delta = event.getDelta();
		if (own == null || delta == null) {
			return;
		}
		IResourceDelta project = delta.findMember(own.getProject().getFullPath());
		if (project == null) {
			return;
		}
		boolean[] otherFileChanged = { false };
		try {
			project.accept(child -> {
				if (FleetSources.isPolicyFile(child.getResource()) && !child.getResource().equals(own)
						&& (child.getKind() != IResourceDelta.CHANGED || (child.getFlags() & IResourceDelta.CONTENT) != 0)) {
					otherFileChanged[0] = true;
				}
				return !otherFileChanged[0];
			});
		} catch (CoreException e) {
			ILog.of(ModelReconciler.class).log(e.getStatus());
		}
		if (otherFileChanged[0]) {
			schedule();
		}
	}
}
