// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.ui.internal;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/** The results of the last Compile or Export to BitVisor run: one row per device or policy element. */
public final class CompileResultsView extends ViewPart {

	public static final String ID = "dev.parapet.compiler.ui.results";

	private TableViewer table;

	/**
	 * One result line.
	 *
	 * @param subject device or policy element
	 * @param outcome policy id and file, "mapped ..." or the error / degradation
	 * @param source  {@code file:line} of the element, or empty
	 */
	public record Row(String subject, String outcome, String source) {
	}

	@Override
	public void createPartControl(Composite parent) {
		table = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		column("Device / element", 220, Row::subject);
		column("Result", 560, Row::outcome);
		column("Source", 360, Row::source);
		table.setContentProvider(ArrayContentProvider.getInstance());
		table.setInput(List.of());
	}

	private void column(String title, int width, Function<Row, String> text) {
		TableViewerColumn column = new TableViewerColumn(table, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Row) element);
			}
		});
	}

	/** Replaces the rows (UI thread). */
	public void show(String title, List<Row> rows) {
		setContentDescription(title);
		table.setInput(List.copyOf(rows));
	}

	/** The rows shown, for tests. */
	@SuppressWarnings("unchecked")
	public List<Row> rows() {
		return (List<Row>) table.getInput();
	}

	@Override
	public void setFocus() {
		table.getTable().setFocus();
	}
}
