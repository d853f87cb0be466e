// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui;

import org.eclipse.swt.widgets.Composite;

import dev.parapet.issue.ui.internal.CardsPanel;
import dev.parapet.issue.ui.internal.RegistryView;
import dev.parapet.registry.Registry;

/** Cards view: the registry's cards with search and state filter. */
public final class CardsView extends RegistryView {

    @Override
    protected void createPanel(Composite parent, Registry registry) {
        new CardsPanel(parent, registry);
    }
}
