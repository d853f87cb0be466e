// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import dev.parapet.compiler.LoadedFleet;
import dev.parapet.image.ImageVerifier;
import dev.parapet.image.VerificationReport;

/**
 * The images of an output folder with their verification state ({@code parapet verify-image}
 * against the fleet's Secure Boot certificate). Double-click shows every check.
 */
public final class ImagesView extends ViewPart {

	/** View id. */
	public static final String ID = "dev.parapet.image.ui.images";

	/** One image and what verification found (null report while it runs). */
	public record Row(String image, long size, VerificationReport report) {
		/** "verified", "verifying..." or the first failed check. */
		public String state() {
			if (report == null) {
				return "verifying...";
			}
			return report.ok() ? "verified (" + report.checks().size() + " checks)"
					: "FAILED: " + report.checks().stream().filter(c -> !c.ok()).findFirst().map(Object::toString).orElse("");
		}
	}

	private TableViewer viewer;
	private Label header;
	private final List<Row> rows = new ArrayList<>();

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		header = new Label(parent, SWT.NONE);
		header.setText("Bake images of a fleet (Bake Images... on a fleet folder) to see them here.");
		header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Composite tableArea = new Composite(parent, SWT.NONE);
		tableArea.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		TableColumnLayout layout = new TableColumnLayout();
		tableArea.setLayout(layout);
		viewer = new TableViewer(tableArea, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		column(layout, "Image", 25, Row::image);
		column(layout, "Size", 10, r -> r.size() / (1024 * 1024) + " MiB");
		column(layout, "Verification", 65, Row::state);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setInput(rows);
		viewer.addDoubleClickListener(e -> {
			if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Row r && r.report() != null) {
				MessageDialog.openInformation(getSite().getShell(), r.image(),
						r.report().checks().stream().map(Object::toString).collect(Collectors.joining("\n")));
			}
		});
	}

	private void column(TableColumnLayout layout, String title, int weight, java.util.function.Function<Row, String> text) {
		TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
		c.getColumn().setText(title);
		layout.setColumnData(c.getColumn(), new ColumnWeightData(weight));
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Row) element);
			}
		});
	}

	/** Lists the images in {@code folder} and verifies them in the background against the fleet's Secure Boot certificate. */
	public void show(Path folder, LoadedFleet fleet) {
		List<X509Certificate> trust = new ArrayList<>();
		String problem = null;
		try {
			trust.add(SecureBootCertificate.of(fleet));
		} catch (IOException e) {
			problem = e.getMessage();
		}
		show(folder, trust, problem);
	}

	/** Lists the images in {@code folder} and verifies them against {@code trust}. */
	public void show(Path folder, List<X509Certificate> trust, String problem) {
		rows.clear();
		List<Path> images;
		try (Stream<Path> s = Files.list(folder)) {
			images = s.filter(p -> p.getFileName().toString().endsWith(".img")).sorted().toList();
		} catch (IOException e) {
			images = List.of();
			problem = folder + ": " + e.getMessage();
		}
		for (Path p : images) {
			rows.add(new Row(p.getFileName().toString(), p.toFile().length(), null));
		}
		header.setText(images.size() + " images in " + folder + (problem == null ? "" : " - " + problem));
		viewer.refresh();
		if (trust.isEmpty()) {
			return;
		}
		List<Path> toVerify = images;
		Display display = viewer.getControl().getDisplay();
		Job job = Job.create("Verifying " + images.size() + " images", (IProgressMonitor monitor) -> {
			ImageVerifier verifier = new ImageVerifier(trust, false);
			monitor.beginTask("Verifying images", toVerify.size());
			for (int i = 0; i < toVerify.size() && !monitor.isCanceled(); i++) {
				Path p = toVerify.get(i);
				VerificationReport report;
				try {
					report = verifier.verify(p);
				} catch (IOException e) {
					report = null;
				}
				VerificationReport done = report;
				int index = i;
				display.asyncExec(() -> {
					if (!viewer.getControl().isDisposed() && index < rows.size()) {
						rows.set(index, new Row(rows.get(index).image(), rows.get(index).size(), done));
						viewer.refresh();
					}
				});
				monitor.worked(1);
			}
			return Status.OK_STATUS;
		});
		job.schedule();
	}

	/** The rows as shown (tests). */
	public List<Row> rows() {
		return List.copyOf(rows);
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}
}
