// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import dev.parapet.registry.Registry;

/** A view over the station's registry; shows why when the registry cannot be opened. */
public abstract class RegistryView extends ViewPart {

    private Composite root;

    @Override
    public final void createPartControl(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new FillLayout());
        try {
            createPanel(root, StationSession.registry());
        } catch (Exception e) {
            new Label(root, SWT.WRAP).setText("Registry not available: " + e.getMessage());
        }
    }

    /** Creates the view's panel on the open registry. */
    protected abstract void createPanel(Composite parent, Registry registry);

    @Override
    public final void setFocus() {
        root.setFocus();
    }
}
