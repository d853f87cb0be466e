// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.compare.CompareUI;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

import dev.parapet.review.Change;
import dev.parapet.review.FleetDiff;
import dev.parapet.review.FleetDiffer;
import dev.parapet.review.load.FleetLoadException;
import dev.parapet.review.load.FleetVersions;
import dev.parapet.review.load.GitVersions;
import dev.parapet.review.ui.FleetSide;
import dev.parapet.review.ui.ReviewCompareInput;
import dev.parapet.review.ui.ReviewImages;

/**
 * The workspace's pending changes: every open project inside a git work tree compared with its git
 * HEAD, one row per change with its verdict icon. Double-click opens the compare editor.
 */
public final class PendingChangesView extends ViewPart {

	public static final String ID = "dev.parapet.review.ui.pendingChanges";

	/** One row: the project it belongs to and the change. */
	record Row(IProject project, Path top, String under, Change change) {
	}

	private TableViewer viewer;

	@Override
	public void createPartControl(Composite parent) {
		viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		column("Verdict", 90, row -> row.change().verdict().name(), row -> ReviewImages.verdict(row.change().verdict()));
		column("Device", 130, row -> row.change().subject(), row -> null);
		column("Element", 200, row -> row.change().title() + " (" + row.change().change().word() + ")", row -> null);
		column("Reason", 520, row -> row.change().reason(), row -> null);
		column("Source", 220, row -> row.change().primaryLocation().map(Object::toString).orElse("-"), row -> null);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.addDoubleClickListener(event -> {
			if (((IStructuredSelection) event.getSelection()).getFirstElement() instanceof Row row) {
				open(row);
			}
		});
		Action refresh = new Action("Refresh") {
			@Override
			public void run() {
				refresh();
			}
		};
		refresh.setToolTipText("Compare the workspace's fleets with git HEAD again");
		getViewSite().getActionBars().getToolBarManager().add(refresh);
		refresh();
	}

	private void column(String title, int width, java.util.function.Function<Row, String> text,
			java.util.function.Function<Row, Image> image) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Row) element);
			}

			@Override
			public Image getImage(Object element) {
				return image.apply((Row) element);
			}
		});
	}

	/** Recomputes the rows in a background job. */
	public void refresh() {
		Job job = Job.create("Comparing fleets with git HEAD", (IProgressMonitor monitor) -> {
			List<Row> rows = new ArrayList<>();
			for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
				if (!project.isOpen() || project.getLocation() == null) {
					continue;
				}
				Path folder = project.getLocation().toFile().toPath();
				Optional<Path> top = FleetVersions.workTreeTop(folder);
				if (top.isEmpty() || !GitVersions.isRevision(folder, "HEAD")) {
					continue;
				}
				String under = top.get().relativize(folder).toString().replace('\\', '/');
				try {
					FleetDiff diff = FleetDiffer.diff(GitVersions.load(folder, "HEAD", Optional.of(under)),
							FleetVersions.folder(folder));
					diff.changes().forEach(change -> rows.add(new Row(project, top.get(), under, change)));
				} catch (FleetLoadException e) {
					return Status.warning(project.getName() + ": " + e.getMessage());
				}
			}
			viewer.getControl().getDisplay().asyncExec(() -> {
				if (!viewer.getControl().isDisposed()) {
					viewer.setInput(rows);
					setContentDescription(rows.isEmpty() ? "No pending policy changes against git HEAD"
							: rows.size() + " pending change(s) against git HEAD");
				}
			});
			return Status.OK_STATUS;
		});
		job.schedule();
	}

	/** The rows shown, for tests. */
	public int rowCount() {
		return viewer.getTable().getItemCount();
	}

	private static void open(Row row) {
		Path folder = row.project().getLocation().toFile().toPath();
		CompareUI.openCompareEditor(new ReviewCompareInput(
				FleetSide.revision(folder, "HEAD", Optional.of(row.under())), FleetSide.path(folder)));
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}
}
