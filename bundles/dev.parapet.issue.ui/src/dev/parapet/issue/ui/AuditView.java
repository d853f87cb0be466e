// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import dev.parapet.issue.ui.internal.AuditPanel;
import dev.parapet.issue.ui.internal.StationSession;

/** Audit view: the hash-chained log with verification. */
public final class AuditView extends ViewPart {

    private Composite root;

    @Override
    public void createPartControl(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new FillLayout());
        try {
            new AuditPanel(root, StationSession.registry(), StationSession::trustedKeys);
        } catch (Exception e) {
            new Label(root, SWT.WRAP).setText("Registry not available: " + e.getMessage());
        }
    }

    @Override
    public void setFocus() {
        root.setFocus();
    }
}
