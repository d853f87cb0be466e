// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.parapet.card.CardReaders;
import dev.parapet.issue.ui.internal.IssueWizard;

/** Opens the issuance wizard. */
public final class IssueCardHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        new WizardDialog(HandlerUtil.getActiveShell(event), new IssueWizard(CardReaders.system())).open();
        return null;
    }
}
