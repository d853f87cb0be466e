// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.eclipse.compare.CompareUI;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dev.parapet.review.Verdict;
import dev.parapet.review.ui.FleetSide;
import dev.parapet.review.ui.ReviewCompareInput;

/** The review in the workbench: the compare editor on two policy files, and the Review perspective. */
class ReviewWorkbenchTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static Path pair(String suffix) throws Exception {
		try (Stream<Path> pairs = Files.list(Path.of(System.getProperty("parapet.review.corpus")))) {
			return pairs.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
		}
	}

	@Test
	void theCompareEditorListsDevicesAndChangesWithVerdictsAndShowsTheSelectedLines() throws Exception {
		Path pair = pair("device-moved-to-other-profile");
		ReviewCompareInput input = new ReviewCompareInput(FleetSide.path(pair.resolve("before.parapet")),
				FleetSide.path(pair.resolve("after.parapet")));
		CompareUI.openCompareEditor(input);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart editor = waitFor("the compare editor", () -> page.getActiveEditor() != null
				&& page.getActiveEditor().getEditorInput() == input ? page.getActiveEditor() : null);
		assertEquals(4, input.diff().orElseThrow().changes().size());
		assertEquals(1, input.diff().orElseThrow().summary().count(Verdict.WIDENS));
		TreeItem device = waitFor("the device row in the structure pane",
				() -> trees(editor.getSite().getShell()).stream().filter(t -> t.getItemCount() > 0).map(t -> t.getItem(0))
						.filter(i -> i.getText().startsWith("laptop-002")).findFirst().orElse(null));
		assertTrue(device.getText().startsWith("laptop-002 (4 changes, widens)"), device.getText());
		device.setExpanded(true);
		drain();
		List<String> rows = new ArrayList<>();
		TreeItem widening = null;
		for (TreeItem item : device.getItems()) {
			rows.add(item.getText());
			if (item.getText().startsWith("WIDENS")) {
				widening = item;
			}
		}
		assertTrue(rows.stream().anyMatch(r -> r.startsWith("WIDENS  login pin-tries (changed): pin-tries 3 -> 5")),
				rows.toString());
		assertTrue(widening.getImage() != null, "verdict icon");
		Tree tree = widening.getParent();
		tree.setFocus();
		tree.setSelection(widening);
		tree.notifyListeners(org.eclipse.swt.SWT.Selection, selectionEvent(tree, widening));
		tree.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, selectionEvent(tree, widening));
		drain();
		waitFor("the text panes to show the pin-tries lines", () -> styledTexts(editor.getSite().getShell()).stream()
				.anyMatch(t -> t.getText().contains("pin-tries")) ? Boolean.TRUE : null);
		Path shot = screenshot("review-compare-editor");
		assertTrue(Files.size(shot) > 10_000, "screenshot " + shot);
	}

	@Test
	void theReviewPerspectiveShowsPendingChanges() throws Exception {
		PlatformUI.getWorkbench().showPerspective("dev.parapet.review.ui.reviewPerspective",
				PlatformUI.getWorkbench().getActiveWorkbenchWindow());
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		waitFor("the pending changes view", () -> page.findView("dev.parapet.review.ui.pendingChanges"));
		Path shot = screenshot("review-perspective");
		assertTrue(Files.size(shot) > 10_000, "screenshot " + shot);
	}

	private static org.eclipse.swt.widgets.Event selectionEvent(Tree tree, TreeItem item) {
		org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
		event.widget = tree;
		event.item = item;
		return event;
	}

	private static List<Tree> trees(Control control) {
		return all(control, Tree.class);
	}

	private static List<org.eclipse.swt.custom.StyledText> styledTexts(Control control) {
		return all(control, org.eclipse.swt.custom.StyledText.class);
	}

	private static <T extends Control> List<T> all(Control control, Class<T> type) {
		List<T> found = new ArrayList<>();
		if (type.isInstance(control) && control.isVisible()) {
			found.add(type.cast(control));
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				found.addAll(all(child, type));
			}
		}
		return found;
	}

	private static void drain() {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// keep dispatching
		}
	}

	private static <T> T waitFor(String what, Supplier<T> value) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline) {
			drain();
			T result = value.get();
			if (result != null) {
				return result;
			}
			Thread.sleep(20);
		}
		return fail("timed out waiting for " + what);
	}

	private static Path screenshot(String name) throws Exception {
		for (int i = 0; i < 25; i++) {
			drain();
			Thread.sleep(40);
		}
		Path folder = Path.of(System.getProperty("parapet.screenshots", "target/screenshots"));
		Files.createDirectories(folder);
		Path file = folder.resolve(name + ".png");
		Process process = new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).inheritIO().start();
		assertEquals(0, process.waitFor(), "import -window root " + file);
		return file;
	}
}
