// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui;

import org.eclipse.swt.widgets.Composite;

import dev.parapet.issue.ui.internal.AuditPanel;
import dev.parapet.issue.ui.internal.RegistryView;
import dev.parapet.issue.ui.internal.StationSession;
import dev.parapet.registry.Registry;

/** Audit view: the hash-chained log with verification. */
public final class AuditView extends RegistryView {

    @Override
    protected void createPanel(Composite parent, Registry registry) {
        new AuditPanel(parent, registry, StationSession::trustedKeys);
    }
}
