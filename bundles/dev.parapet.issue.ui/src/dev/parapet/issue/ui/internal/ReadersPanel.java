// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

import dev.parapet.card.CardIoException;
import dev.parapet.card.CardReaders;
import dev.parapet.card.CardSession;
import dev.parapet.card.ReaderMonitor;
import dev.parapet.card.ReaderState;
import dev.parapet.issue.CardIdentity;

/** Live table of readers: card present, UID, PIV state. Follows insertions and removals. */
public final class ReadersPanel {

    /**
     * One row.
     *
     * @param reader reader name
     * @param card "present" or "no card"
     * @param uid card UID
     * @param piv PIV state (blank, issued + GUID, tries left)
     */
    public record Row(String reader, String card, String uid, String piv) {
    }

    private final TableViewer viewer;
    private final ReaderMonitor monitor;
    private volatile List<Row> rows = List.of();

    /** Creates the table and starts monitoring. */
    public ReadersPanel(Composite parent, CardReaders readers) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new FillLayout());
        viewer = new TableViewer(c, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        Columns.add(viewer, Row.class, "Reader", 220, Row::reader);
        Columns.add(viewer, Row.class, "Card", 80, Row::card);
        Columns.add(viewer, Row.class, "UID", 100, Row::uid);
        Columns.add(viewer, Row.class, "PIV", 420, Row::piv);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(rows);
        Display display = parent.getDisplay();
        monitor = readers.monitor(new ReaderMonitor.Listener() {
            @Override
            public void changed(List<ReaderState> states) {
                List<Row> r = new ArrayList<>();
                for (ReaderState s : states) {
                    r.add(describe(readers, s));
                }
                rows = r;
                display.asyncExec(() -> {
                    if (!viewer.getTable().isDisposed()) {
                        viewer.setInput(rows);
                    }
                });
            }

            @Override
            public void failed(CardIoException error) {
                rows = List.of(new Row("PC/SC", "", "", error.getMessage()));
                display.asyncExec(() -> {
                    if (!viewer.getTable().isDisposed()) {
                        viewer.setInput(rows);
                    }
                });
            }
        });
        c.addDisposeListener(e -> monitor.close());
    }

    private static Row describe(CardReaders readers, ReaderState s) {
        if (!s.cardPresent()) {
            return new Row(s.name(), "no card", "", "");
        }
        try (CardSession session = readers.connect(s.name())) {
            CardIdentity id = CardIdentity.read(session);
            String piv = id.chuid().map(ch -> "issued, GUID " + ch.guid()).orElse("blank PIV card");
            if (id.status().isPresent()) {
                piv += String.format(" (PIN %d, PUK %d, management key %d tries left)", id.status().get().pinTries(),
                        id.status().get().pukTries(), id.status().get().managementKeyTries());
            }
            return new Row(s.name(), "present", id.uidHex(), piv);
        } catch (CardIoException e) {
            return new Row(s.name(), "present", "", e.getMessage());
        }
    }

    /** @return the rows shown (tests) */
    public List<Row> rows() {
        return rows;
    }

    /** @return the table viewer */
    public TableViewer viewer() {
        return viewer;
    }
}
