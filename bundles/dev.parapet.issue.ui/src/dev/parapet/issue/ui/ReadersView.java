// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

import dev.parapet.card.CardReaders;
import dev.parapet.issue.ui.internal.ReadersPanel;

/** Readers view: PC/SC readers, card present, UID and PIV state, live. */
public final class ReadersView extends ViewPart {

    private ReadersPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new ReadersPanel(parent, CardReaders.system());
    }

    @Override
    public void setFocus() {
        panel.viewer().getControl().setFocus();
    }
}
