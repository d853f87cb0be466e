// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui.internal;

import java.security.PublicKey;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import dev.parapet.registry.AuditEntry;
import dev.parapet.registry.AuditVerification;
import dev.parapet.registry.Registry;
import dev.parapet.registry.RegistryException;

/** The audit log as a table, with a Verify button that checks chain and signatures. */
public final class AuditPanel {

    private final Registry registry;
    private final Supplier<List<PublicKey>> trusted;
    private final TableViewer viewer;
    private final Label result;

    /**
     * @param trusted station keys trusted to sign the log
     */
    public AuditPanel(Composite parent, Registry registry, Supplier<List<PublicKey>> trusted) {
        this.registry = registry;
        this.trusted = trusted;
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        Button refresh = new Button(c, SWT.PUSH);
        refresh.setText("Refresh");
        Button verify = new Button(c, SWT.PUSH);
        verify.setText("Verify");
        result = new Label(c, SWT.NONE);
        result.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        viewer = new TableViewer(c, SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        Columns.add(viewer, AuditEntry.class, "#", 40, e -> Long.toString(e.seq()));
        Columns.add(viewer, AuditEntry.class, "When (UTC)", 190, AuditEntry::at);
        Columns.add(viewer, AuditEntry.class, "Who", 140, AuditEntry::actor);
        Columns.add(viewer, AuditEntry.class, "What", 120, AuditEntry::action);
        Columns.add(viewer, AuditEntry.class, "Card", 300, AuditEntry::cardGuid);
        Columns.add(viewer, AuditEntry.class, "Details", 300, e -> e.detail().replace('\n', ' '));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        refresh.addListener(SWT.Selection, e -> refresh());
        verify.addListener(SWT.Selection, e -> verify());
        refresh();
    }

    /** Re-reads the log. */
    public void refresh() {
        try {
            viewer.setInput(registry.auditEntries(""));
        } catch (RegistryException e) {
            result.setText(e.getMessage());
        }
    }

    /** Verifies the chain and shows the outcome. */
    public AuditVerification verify() {
        try {
            AuditVerification v = registry.verifyAudit(trusted.get());
            result.setText(v.intact() ? v.entries() + " entries, chain and signatures intact"
                    : v.problems().size() + " problems: " + String.join("; ", v.problems()));
            return v;
        } catch (RegistryException e) {
            result.setText(e.getMessage());
            return null;
        }
    }

    /** @return the text of the result line */
    public String result() {
        return result.getText();
    }

    /** @return the table viewer */
    public TableViewer viewer() {
        return viewer;
    }
}
