// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import dev.parapet.issue.ui.internal.CardsPanel;
import dev.parapet.issue.ui.internal.StationSession;

/** Cards view: the registry's cards with search and state filter. */
public final class CardsView extends ViewPart {

    private Composite root;

    @Override
    public void createPartControl(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new FillLayout());
        try {
            new CardsPanel(root, StationSession.registry());
        } catch (Exception e) {
            new Label(root, SWT.WRAP).setText("Registry not available: " + e.getMessage());
        }
    }

    @Override
    public void setFocus() {
        root.setFocus();
    }
}
