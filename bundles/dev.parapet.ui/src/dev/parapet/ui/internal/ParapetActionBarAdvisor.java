// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;

/** Menus File, Edit, Window and Help. Editor commands join Edit through its "additions" group. */
final class ParapetActionBarAdvisor extends ActionBarAdvisor {

	/** Command id of File &gt; Open Fleet Folder... (see plugin.xml). */
	static final String OPEN_FLEET = "dev.parapet.ui.openFleet";

	ParapetActionBarAdvisor(IActionBarConfigurer configurer) {
		super(configurer);
	}

	@Override
	protected void makeActions(IWorkbenchWindow window) {
		for (ActionFactory factory : new ActionFactory[] { ActionFactory.SAVE, ActionFactory.SAVE_ALL,
				ActionFactory.CLOSE, ActionFactory.CLOSE_ALL, ActionFactory.QUIT, ActionFactory.UNDO, ActionFactory.REDO,
				ActionFactory.CUT, ActionFactory.COPY, ActionFactory.PASTE, ActionFactory.DELETE, ActionFactory.SELECT_ALL,
				ActionFactory.FIND, ActionFactory.RESET_PERSPECTIVE, ActionFactory.PREFERENCES, ActionFactory.ABOUT }) {
			register(factory.create(window));
		}
	}

	@Override
	protected void fillMenuBar(IMenuManager menuBar) {
		IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();

		MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
		CommandContributionItemParameter openFleet = new CommandContributionItemParameter(window, OPEN_FLEET, OPEN_FLEET,
				CommandContributionItem.STYLE_PUSH);
		openFleet.label = "&Open Fleet Folder...";
		file.add(new CommandContributionItem(openFleet));
		file.add(new Separator());
		file.add(action(ActionFactory.CLOSE));
		file.add(action(ActionFactory.CLOSE_ALL));
		file.add(new Separator());
		file.add(action(ActionFactory.SAVE));
		file.add(action(ActionFactory.SAVE_ALL));
		file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		file.add(new Separator());
		file.add(action(ActionFactory.QUIT));

		MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
		edit.add(action(ActionFactory.UNDO));
		edit.add(action(ActionFactory.REDO));
		edit.add(new Separator());
		edit.add(action(ActionFactory.CUT));
		edit.add(action(ActionFactory.COPY));
		edit.add(action(ActionFactory.PASTE));
		edit.add(action(ActionFactory.DELETE));
		edit.add(action(ActionFactory.SELECT_ALL));
		edit.add(new Separator());
		edit.add(action(ActionFactory.FIND));
		// groups that text editor action contributors fill (find next/previous, incremental find, assist)
		edit.add(new GroupMarker(IWorkbenchActionConstants.FIND_EXT));
		edit.add(new Separator(ITextEditorActionConstants.GROUP_ASSIST));
		edit.add(new GroupMarker(ITextEditorActionConstants.GROUP_INFORMATION));
		edit.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));

		MenuManager windowMenu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
		MenuManager views = new MenuManager("Show &View");
		views.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
		windowMenu.add(views);
		windowMenu.add(action(ActionFactory.RESET_PERSPECTIVE));
		windowMenu.add(new Separator());
		windowMenu.add(action(ActionFactory.PREFERENCES));

		MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
		help.add(action(ActionFactory.ABOUT));

		menuBar.add(file);
		menuBar.add(edit);
		menuBar.add(windowMenu);
		menuBar.add(help);
	}

	private org.eclipse.jface.action.IAction action(ActionFactory factory) {
		return getAction(factory.getId());
	}
}
