// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.ui;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.compare.CompareConfiguration;
import org.eclipse.compare.CompareEditorInput;
import org.eclipse.compare.ITypedElement;
import org.eclipse.compare.structuremergeviewer.DiffNode;
import org.eclipse.compare.structuremergeviewer.Differencer;
import org.eclipse.compare.structuremergeviewer.DocumentRangeNode;
import org.eclipse.compare.structuremergeviewer.IDiffContainer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.graphics.Image;

import dev.parapet.review.Change;
import dev.parapet.review.ChangeKind;
import dev.parapet.review.FleetDiff;
import dev.parapet.review.FleetDiffer;
import dev.parapet.review.FleetVersion;
import dev.parapet.review.SourceLocation;
import dev.parapet.review.Verdict;
import dev.parapet.review.load.FleetLoadException;

/**
 * The review in the Eclipse Compare editor: the structure pane lists devices and their changed
 * elements with verdict icons; selecting a change shows its line in the new version (left) and the
 * old version (right).
 */
public final class ReviewCompareInput extends CompareEditorInput {

	private final FleetSide before;
	private final FleetSide after;
	private FleetDiff diff;

	public ReviewCompareInput(FleetSide before, FleetSide after) {
		super(configuration(before, after));
		this.before = before;
		this.after = after;
		setTitle("Review: " + before.label() + " \u2192 " + after.label());
	}

	private static CompareConfiguration configuration(FleetSide before, FleetSide after) {
		CompareConfiguration configuration = new CompareConfiguration();
		configuration.setLeftLabel(after.label() + " (new)");
		configuration.setRightLabel(before.label() + " (old)");
		configuration.setLeftEditable(false);
		configuration.setRightEditable(false);
		return configuration;
	}

	/** The diff shown, once {@link #run} has prepared the input. */
	public Optional<FleetDiff> diff() {
		return Optional.ofNullable(diff);
	}

	@Override
	protected Object prepareInput(IProgressMonitor monitor) throws InvocationTargetException {
		monitor.beginTask("Comparing effective policies", 3);
		try {
			monitor.subTask("Loading " + before.label());
			FleetVersion was = before.load();
			monitor.worked(1);
			monitor.subTask("Loading " + after.label());
			FleetVersion is = after.load();
			monitor.worked(1);
			diff = FleetDiffer.diff(was, is);
			monitor.worked(1);
			return tree(diff, new Documents(was), new Documents(is));
		} catch (FleetLoadException e) {
			throw new InvocationTargetException(e, e.getMessage());
		} finally {
			monitor.done();
		}
	}

	private static DiffNode tree(FleetDiff diff, Documents was, Documents is) {
		DiffNode root = new DiffNode(Differencer.NO_CHANGE);
		Map<String, DeviceNode> devices = new LinkedHashMap<>();
		for (Change change : diff.changes()) {
			DeviceNode device = devices.computeIfAbsent(change.subject(), s -> new DeviceNode(root, s));
			device.worst = device.worst.worst(change.verdict());
			device.count++;
			String otherPath = change.primaryLocation().map(SourceLocation::path).orElse("");
			new ChangeNode(device, change, is.range(change.after(), otherPath), was.range(change.before(), otherPath));
		}
		return root;
	}

	/** A device: its name, number of changes and the icon of its worst change. */
	static final class DeviceNode extends DiffNode {
		private final String device;
		Verdict worst = Verdict.NEUTRAL;
		int count;

		DeviceNode(IDiffContainer parent, String device) {
			super(parent, Differencer.CHANGE);
			this.device = device;
		}

		@Override
		public String getName() {
			return device + " (" + count + (count == 1 ? " change, " : " changes, ") + worst.word() + ")";
		}

		@Override
		public Image getImage() {
			return ReviewImages.verdict(worst);
		}
	}

	/** One change: verdict icon, element, reason; its two sides are the lines it is written on. */
	public static final class ChangeNode extends DiffNode {
		private final Change change;

		ChangeNode(IDiffContainer parent, Change change, Line left, Line right) {
			super(parent, kind(change), null, left, right);
			this.change = change;
		}

		private static int kind(Change change) {
			if (change.change() == ChangeKind.ADDED) {
				return Differencer.ADDITION;
			}
			return change.change() == ChangeKind.REMOVED ? Differencer.DELETION : Differencer.CHANGE;
		}

		public Change change() {
			return change;
		}

		@Override
		public String getName() {
			return change.verdict().name() + "  " + change.title() + " (" + change.change().word() + "): " + change.reason();
		}

		@Override
		public Image getImage() {
			return ReviewImages.verdict(change.verdict());
		}
	}

	/** A line of a policy file, shown by the text panes of the compare editor. */
	static final class Line extends DocumentRangeNode implements ITypedElement {
		private final String name;

		Line(IDocument document, String name, int offset, int length) {
			super(1, name, document, offset, length);
			this.name = name;
		}

		@Override
		public String getName() {
			return name;
		}

		@Override
		public String getType() {
			return TEXT_TYPE;
		}

		@Override
		public Image getImage() {
			return null;
		}
	}

	/** The files of one version as documents, made on first use. */
	private static final class Documents {
		private final FleetVersion version;
		private final Map<String, IDocument> documents = new java.util.HashMap<>();

		Documents(FleetVersion version) {
			this.version = version;
		}

		/** The line of the location, or the top of the same file when this side has no location. */
		Line range(Optional<SourceLocation> location, String otherPath) {
			String path = location.map(SourceLocation::path).orElse(otherPath);
			IDocument document = documents.computeIfAbsent(path, p -> new Document(version.text(p).orElse("")));
			if (location.isEmpty()) {
				return document.getLength() == 0 ? null : new Line(document, path, 0, 0);
			}
			try {
				int line = Math.min(location.get().line() - 1, document.getNumberOfLines() - 1);
				return new Line(document, location.get().toString(), document.getLineOffset(line),
						document.getLineLength(line));
			} catch (BadLocationException e) {
				return new Line(document, path, 0, 0);
			}
		}
	}
}
