// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.bindings.keys.ParseException;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.navigator.ICommonActionConstants;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.parapet.policy.ui.editor.PolicyEditor;
import dev.parapet.policy.validation.IssueCodes;
import dev.parapet.policy.ui.internal.build.ProblemMarkers;
import dev.parapet.policy.ui.internal.editor.PolicyOutlinePage;
import dev.parapet.ui.FleetWorkspace;
import dev.parapet.ui.internal.FleetPerspective;
import dev.parapet.ui.internal.navigator.FleetElement;
import dev.parapet.ui.internal.navigator.FleetNavigator;

/**
 * Drives the Parapet workbench (its own application, under Xvfb) on a copy of examples/acme-fleet:
 * the fleet opened the way File &gt; Open Fleet Folder opens it, the navigator, and the policy editor's
 * markers, content assist, hover, go-to-definition, outline, formatting and comments.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetWorkbenchTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);
	private static final String REFERENCE = "extends office-laptop";

	private static Path fleet;
	private static IProject project;
	private static IWorkbenchPage page;

	@BeforeAll
	static void openTheExampleFleet() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		fleet = ExampleFleet.copy();
		AtomicReference<IProject> opened = new AtomicReference<>();
		Job opening = FleetWorkspace.openInBackground(fleet, opened::set);
		Ui.waitUntil("the fleet to open", PATIENCE, () -> opening.getResult() != null);
		assertTrue(opening.getResult().isOK(), opening.getResult().toString());
		project = opened.get();
		// the fleet builder checked every file on opening: the example fleet has no errors
		assertEquals(List.of(), problems(project).stream()
				.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
				.map(m -> m.getResource().getName() + ": " + m.getAttribute(IMarker.MESSAGE, "")).toList());
	}

	@AfterAll
	static void closeEditors() {
		page.closeAllEditors(false);
	}

	@Test
	@Order(1)
	void theWorkbenchOpensInTheFleetPerspectiveWithNavigatorOutlineAndProblems() {
		assertEquals(FleetPerspective.ID, page.getPerspective().getId());
		assertNotNull(page.findView(FleetNavigator.ID), "Fleet navigator");
		assertNotNull(page.findView(IPageLayout.ID_OUTLINE), "Outline");
		assertNotNull(page.findView(IPageLayout.ID_PROBLEM_VIEW), "Problems");
		assertEquals(fleet.toAbsolutePath().normalize(),
				FleetWorkspace.folderOf(project).orElseThrow().getLocation().toPath());
	}

	@Test
	@Order(2)
	void theNavigatorShowsFilesThenDevicesThenRules() throws Exception {
		FleetNavigator navigator = (FleetNavigator) page.showView(FleetNavigator.ID);
		TreeViewer tree = navigator.getCommonViewer();
		tree.refresh();
		tree.expandToLevel(project, 1);
		IFile office = file("devices/office.parapet");
		tree.expandToLevel(office, 2);
		Ui.drain();
		List<String> labels = labels(tree.getTree().getItems());
		assertTrue(labels.contains("acme-fleet"), "fleets: " + labels);
		assertTrue(labels.contains("devices/"), "folders: " + labels);
		assertTrue(labels.contains("office.parapet"), "files: " + labels);
		assertTrue(labels.contains("device lap-001"), "devices: " + labels);
		// a device's own rules are listed under it (sections are flattened in the navigator)
		assertTrue(labels.contains("match installer-stick"), "rules of lap-005: " + labels);

		// Open (double-click, Enter) on a device opens its file with the device's name selected
		FleetElement lap005 = Arrays.stream(((ITreeContentProvider) tree.getContentProvider()).getChildren(office))
				.map(FleetElement.class::cast).filter(e -> e.label().equals("device lap-005")).findFirst().orElseThrow();
		tree.setSelection(new StructuredSelection(lap005), true);
		navigator.getViewSite().getActionBars().getGlobalActionHandler(ICommonActionConstants.OPEN).run();
		Ui.drain();
		PolicyEditor editor = assertInstanceOf(PolicyEditor.class, page.getActiveEditor());
		assertEquals(office, editor.getEditorInput().getAdapter(IFile.class));
		assertEquals("lap-005", ((ITextSelection) editor.getSelectionProvider().getSelection()).getText());
		page.closeAllEditors(false);
	}

	@Test
	@Order(3)
	void theNavigatorFollowsNewPolicyFiles() throws Exception {
		FleetNavigator navigator = (FleetNavigator) page.showView(FleetNavigator.ID);
		TreeViewer tree = navigator.getCommonViewer();
		IFile added = file("devices/spare.parapet");
		added.create(new java.io.ByteArrayInputStream(
				"device spare-001 extends office-laptop {\n\tserial \"SPARE1\"\n}\n".getBytes(StandardCharsets.UTF_8)),
				true, null);
		Ui.waitUntil("the new file in the navigator", PATIENCE, () -> {
			tree.expandToLevel(added, 1);
			return labels(tree.getTree().getItems()).contains("device spare-001");
		});
		added.delete(true, null);
		Ui.waitUntil("the deleted file to leave the navigator", PATIENCE,
				() -> !labels(tree.getTree().getItems()).contains("spare.parapet"));
	}

	@Test
	@Order(4)
	void anUnresolvedReferenceTypedInTheEditorRaisesAMarkerThatVanishesWhenFixed() throws Exception {
		PolicyEditor editor = open("devices/office.parapet");
		IFile office = file("devices/office.parapet");
		IDocument document = document(editor);
		int at = document.get().indexOf(REFERENCE) + REFERENCE.length();

		document.replace(at, 0, "-typo");
		IMarker marker = Ui.waitFor("a marker for office-laptop-typo", PATIENCE, () -> problems(office).stream()
				.filter(m -> m.getAttribute(IMarker.MESSAGE, "").contains("office-laptop-typo")).findFirst().orElse(null));
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(IssueCodes.UNRESOLVED_REFERENCE, marker.getAttribute(ProblemMarkers.CODE, null));
		assertEquals(document.getLineOfOffset(at) + 1, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		assertTrue(marker.isSubtypeOf(IMarker.PROBLEM), "a problem marker, shown by the Problems view");
		revealEverything(editor, at);
		Path shot = Ui.screenshot("workbench-marker");
		assertTrue(shot.toFile().length() > 10_000, "screenshot " + shot);

		document.replace(at, "-typo".length(), "");
		Ui.waitUntil("the marker to vanish", PATIENCE, () -> problems(office).isEmpty());
		Ui.screenshot("workbench-fixed");
	}

	@Test
	@Order(5)
	void contentAssistProposesKeywordsAndDeclaredNames() throws Exception {
		PolicyEditor editor = open("devices/office.parapet");
		IDocument document = document(editor);
		int afterExtends = document.get().indexOf(REFERENCE) + "extends ".length();
		List<String> names = proposals(editor, document.get(), afterExtends);
		assertTrue(names.contains("office-laptop"), "profile names: " + names);
		assertTrue(names.contains("field-laptop"), "profile names: " + names);

		int inBody = document.get().indexOf("serial \"PF3XK2A1\"");
		List<String> keywords = proposals(editor, document.get(), inBody);
		assertTrue(keywords.containsAll(List.of("storage", "usb", "network", "dma", "login", "settings")),
				"section keywords: " + keywords);

		// the popup itself, on Ctrl+Space's operation, for the screenshot
		ISourceViewer viewer = editor.viewer();
		viewer.getTextWidget().setFocus();
		viewer.setSelectedRange(afterExtends, 0);
		((ITextOperationTarget) viewer).doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
		Ui.screenshot("content-assist");
		page.activate(page.findView(FleetNavigator.ID));
		page.activate(editor);
	}

	@Test
	@Order(6)
	void hoverShowsTheKindAndDocumentationOfTheReferencedProfile() throws Exception {
		PolicyEditor editor = open("devices/office.parapet");
		String text = document(editor).get();
		String hover = editor.support().configuration().hoverAt(text, text.indexOf(REFERENCE) + "extends ".length() + 2);
		assertNotNull(hover, "hover on the reference");
		assertTrue(hover.contains("profile office-laptop"), hover);
		assertTrue(hover.contains("Standard office laptop"), hover);
		assertTrue(hover.contains("profiles.parapet"), hover);

		// F2 (Show Tooltip Description) shows the same hover at the caret, for the screenshot
		editor.selectAndReveal(text.indexOf(REFERENCE) + "extends ".length() + 2, 0);
		editor.viewer().getTextWidget().setFocus();
		Shell window = editor.getSite().getShell();
		((ITextOperationTarget) editor.viewer()).doOperation(ISourceViewer.INFORMATION);
		Ui.waitUntil("the hover to show", Duration.ofSeconds(10), () -> Arrays.stream(window.getDisplay().getShells())
				.anyMatch(shell -> shell != window && shell.isVisible()));
		Ui.screenshot("hover");
		page.activate(page.findView(FleetNavigator.ID));
		page.activate(editor);
	}

	@Test
	@Order(7)
	void goToDefinitionOpensTheProfileInItsOwnFile() throws Exception {
		PolicyEditor editor = open("devices/office.parapet");
		int on = document(editor).get().indexOf(REFERENCE) + "extends ".length() + 3;
		editor.selectAndReveal(on, 0);
		assertEquals(keys("F3"), bindingOf(OPEN_DECLARATION));
		execute(OPEN_DECLARATION);
		Ui.drain();
		IEditorPart active = page.getActiveEditor();
		PolicyEditor profiles = assertInstanceOf(PolicyEditor.class, active);
		assertEquals(file("profiles.parapet"), profiles.getEditorInput().getAdapter(IFile.class));
		ITextSelection selection = (ITextSelection) profiles.getSelectionProvider().getSelection();
		assertEquals("office-laptop", selection.getText());
		assertTrue(document(profiles).get().substring(0, selection.getOffset()).endsWith("profile "),
				"the selection is the declared name");
	}

	@Test
	@Order(8)
	void theOutlineListsTheDevicesOfTheFile() throws Exception {
		PolicyEditor editor = open("devices/office.parapet");
		page.showView(IPageLayout.ID_OUTLINE);
		page.activate(editor);
		PolicyOutlinePage outline = (PolicyOutlinePage) editor.getAdapter(IContentOutlinePage.class);
		List<String> labels = Ui.waitFor("the outline", PATIENCE,
				() -> outline.topLevelLabels().isEmpty() ? null : outline.topLevelLabels());
		assertEquals(List.of("device lap-001", "device lap-002", "device lap-003", "device lap-004", "device lap-005",
				"device lap-006"), labels);

		// linked with the editor: the caret inside lap-005's usb rule selects that rule in the outline
		int inRule = document(editor).get().indexOf("installer-stick") + 3;
		editor.selectAndReveal(inRule, 0);
		Ui.waitUntil("the outline to follow the caret", PATIENCE,
				() -> "match installer-stick".equals(outline.selectedLabel()));
	}

	@Test
	@Order(9)
	void keywordsCommentsAndDeclaredNamesAreColouredDifferently() throws Exception {
		PolicyEditor editor = open("devices/office.parapet");
		Ui.waitFor("semantic colouring", PATIENCE, () -> editor.support().latest().orElse(null));
		Ui.drain();
		StyledText widget = editor.viewer().getTextWidget();
		String text = widget.getText();
		StyleRange keyword = widget.getStyleRangeAtOffset(text.indexOf("device lap-001"));
		StyleRange name = widget.getStyleRangeAtOffset(text.indexOf("lap-001"));
		StyleRange reference = widget.getStyleRangeAtOffset(text.indexOf(REFERENCE) + "extends ".length());
		StyleRange docComment = widget.getStyleRangeAtOffset(text.indexOf("/** Reception desk"));
		StyleRange string = widget.getStyleRangeAtOffset(text.indexOf("\"PF3XK2A1\""));
		for (StyleRange range : List.of(keyword, name, reference, docComment, string)) {
			assertNotNull(range);
		}
		List<Object> colours = Arrays.asList(keyword.foreground, name.foreground, reference.foreground,
				docComment.foreground, string.foreground);
		assertEquals(colours.size(), colours.stream().distinct().count(), "five different colours: " + colours);
	}

	@Test
	@Order(10)
	void formatLaysOutASquashedDevice() throws Exception {
		PolicyEditor editor = open("devices/office.parapet");
		IDocument document = document(editor);
		String original = "device lap-006 extends office-laptop {\n\tserial \"PF3XK2A6\"\n}";
		int at = document.get().indexOf(original);
		assertTrue(at >= 0, "lap-006 as in the example");
		String squashed = "device   lap-006 extends office-laptop {   serial \"PF3XK2A6\"   }";
		document.replace(at, original.length(), squashed);
		assertEquals(keys("M1+M2+F"), bindingOf(FORMAT));
		execute(FORMAT);
		String formatted = document.get();
		assertFalse(formatted.contains(squashed), "the squashed device was laid out");
		assertTrue(formatted.contains("device lap-006 extends office-laptop {"), formatted);
		assertTrue(editor.support().format(), "formatted again");
		assertEquals(formatted, document.get(), "formatting is stable");
		editor.doRevertToSaved();
	}

	@Test
	@Order(11)
	void toggleCommentCommentsOutAndRestoresTheSelectedLines() throws Exception {
		PolicyEditor editor = open("devices/office.parapet");
		IDocument document = document(editor);
		String before = document.get();
		int line = document.getLineOfOffset(before.indexOf("serial \"PF3XK2A2\""));
		int start = document.getLineOffset(line);
		editor.selectAndReveal(start, document.getLineLength(line) + 2);
		assertEquals(keys("M1+/"), bindingOf(TOGGLE_COMMENT));
		execute(TOGGLE_COMMENT);
		assertTrue(document.get(start, 2).equals("//"), document.get(start, 20));
		assertTrue(document.get(document.getLineOffset(line + 1), 2).equals("//"), "second line too");
		editor.support().toggleComment();
		assertEquals(before, document.get());
		assertNotEquals(0, before.length());
		editor.doRevertToSaved();
	}

	private static final String FORMAT = "dev.parapet.policy.ui.format";
	private static final String TOGGLE_COMMENT = "dev.parapet.policy.ui.toggleComment";
	private static final String OPEN_DECLARATION = "dev.parapet.policy.ui.openDeclaration";

	/** Runs a command the way its key binding does: through the handler service of the active window. */
	private static void execute(String command) throws Exception {
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(command, null);
	}

	private static TriggerSequence bindingOf(String command) {
		return PlatformUI.getWorkbench().getService(IBindingService.class).getBestActiveBindingFor(command);
	}

	private static TriggerSequence keys(String formal) throws ParseException {
		return KeySequence.getInstance(formal);
	}

	private static PolicyEditor open(String path) throws Exception {
		IEditorPart part = IDE.openEditor(page, file(path), true);
		PolicyEditor editor = assertInstanceOf(PolicyEditor.class, part);
		Ui.waitFor("the first check of " + path, PATIENCE, () -> editor.support().latest().orElse(null));
		return editor;
	}

	private static IFile file(String path) {
		return FleetWorkspace.folderOf(project).orElseThrow().getFile(path);
	}

	private static IDocument document(PolicyEditor editor) {
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	private static List<IMarker> problems(IResource resource) {
		try {
			return List.of(resource.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_INFINITE));
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<String> proposals(PolicyEditor editor, String text, int offset) {
		List<String> names = new ArrayList<>();
		for (ICompletionProposal proposal : editor.support().configuration().contentAssist().proposals(text, offset)) {
			names.add(proposal.getDisplayString().split(" - ")[0]);
		}
		return names;
	}

	private static List<String> labels(TreeItem[] items) {
		List<String> labels = new ArrayList<>();
		for (TreeItem item : items) {
			labels.add(item.getData() instanceof org.eclipse.core.resources.IFolder ? item.getText() + "/"
					: item.getText().split("  ")[0]);
			if (item.getExpanded()) {
				labels.addAll(labels(item.getItems()));
			}
		}
		return labels;
	}

	/** Navigator expanded to the edited file, outline on the edited device, problems in view. */
	private static void revealEverything(PolicyEditor editor, int offset) throws Exception {
		page.showView(IPageLayout.ID_PROBLEM_VIEW, null, IWorkbenchPage.VIEW_VISIBLE);
		page.showView(IPageLayout.ID_OUTLINE, null, IWorkbenchPage.VIEW_VISIBLE);
		FleetNavigator navigator = (FleetNavigator) page.showView(FleetNavigator.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		navigator.getCommonViewer().expandToLevel(file("devices/office.parapet"), 1);
		page.activate(editor);
		editor.selectAndReveal(offset, 0);
		// the Problems view's viewer is its selection provider; it updates after a short delay
		Viewer problems = (Viewer) page.findView(IPageLayout.ID_PROBLEM_VIEW).getSite().getSelectionProvider();
		Ui.waitUntil("the Problems view to list the error", PATIENCE, () -> {
			Tree tree = (Tree) problems.getControl();
			return tree.getItemCount() > 0 && tree.getItem(0).getText().startsWith("Errors");
		});
		((TreeViewer) problems).expandAll();
	}
}
