// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui.internal;

import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.parapet.registry.CardRecord;
import dev.parapet.registry.CardState;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;

/** Cards in the registry with a search field (GUID, UID, serial, holder, profile) and a state filter. */
public final class CardsPanel {

    private final Registry registry;
    private final Text search;
    private final Combo state;
    private final TableViewer viewer;
    private final Label status;

    /** Creates the panel and shows all cards. */
    public CardsPanel(Composite parent, Registry registry) {
        this.registry = registry;
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(4, false));
        new Label(c, SWT.NONE).setText("Search:");
        search = new Text(c, SWT.BORDER | SWT.SEARCH);
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(c, SWT.NONE).setText("State:");
        state = new Combo(c, SWT.READ_ONLY);
        state.add("all");
        for (CardState s : CardState.values()) {
            state.add(s.name());
        }
        state.select(0);
        viewer = new TableViewer(c, SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        Columns.add(viewer, CardRecord.class, "GUID", 310, CardRecord::guid);
        Columns.add(viewer, CardRecord.class, "Holder", 90, CardRecord::holderId);
        Columns.add(viewer, CardRecord.class, "Profile", 90, CardRecord::profile);
        Columns.add(viewer, CardRecord.class, "State", 90, r -> r.state().name());
        Columns.add(viewer, CardRecord.class, "UID", 90, CardRecord::uid);
        Columns.add(viewer, CardRecord.class, "Updated", 190, CardRecord::updatedAt);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        status = new Label(c, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        search.addModifyListener(e -> refresh());
        state.addModifyListener(e -> refresh());
        refresh();
    }

    /** Re-reads the registry with the current search and filter. */
    public void refresh() {
        try {
            CardState s = state.getSelectionIndex() <= 0 ? null : CardState.valueOf(state.getText());
            List<CardRecord> cards = registry.cards(search.getText().strip(), s);
            viewer.setInput(cards);
            status.setText(cards.size() + " cards");
        } catch (RegistryException e) {
            status.setText(e.getMessage());
        }
    }

    /** Sets the search text (tests, links from other views). */
    public void search(String text) {
        search.setText(text);
    }

    /** Chooses the state filter, null for all. */
    public void filter(CardState s) {
        state.select(s == null ? 0 : s.ordinal() + 1);
        refresh();
    }

    /** @return the table viewer */
    public TableViewer viewer() {
        return viewer;
    }
}
