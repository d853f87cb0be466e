// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.ui.internal;

import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IContainer;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.ListDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.parapet.compiler.CardCertificates;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.internal.XtextFleetSource;
import dev.parapet.compiler.model.DevicePolicy;
import dev.parapet.export.bitvisor.BitvisorExporter;
import dev.parapet.export.bitvisor.BitvisorLayouts;
import dev.parapet.export.bitvisor.ExportPlan;
import dev.parapet.policy.policy.Device;

/**
 * "Export to BitVisor...": pick a device of the selected fleet, see every element that stock BitVisor
 * would weaken or drop, confirm, give the storage keys and the module2.bin password; the files go to
 * {@code out/bitvisor/DEVICE}. The commit is the one the fleet's {@code runtime bitvisor commit} names,
 * else 66559d6.
 */
public final class ExportBitvisorHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		IContainer folder = FleetSelection.folder(HandlerUtil.getCurrentSelection(event));
		if (folder == null) {
			MessageDialog.openInformation(shell, "Export to BitVisor", "Select a fleet folder or one of its files.");
			return null;
		}
		Path fleetFolder = FleetSelection.path(folder);
		try {
			LoadedFleet fleet = new XtextFleetSource().load(fleetFolder);
			ListDialog choose = new ListDialog(shell);
			choose.setTitle("Export to BitVisor");
			choose.setMessage("Device to export:");
			choose.setContentProvider(ArrayContentProvider.getInstance());
			choose.setLabelProvider(new LabelProvider() {
				@Override
				public String getText(Object element) {
					return ((Device) element).getName();
				}
			});
			choose.setInput(fleet.devices());
			if (choose.open() != ListDialog.OK || choose.getResult().length == 0) {
				return null;
			}
			Device device = (Device) choose.getResult()[0];
			String commit = fleet.fleet().getRuntime() instanceof dev.parapet.policy.policy.BitvisorRuntime bitvisor
					? bitvisor.getCommit() : BitvisorLayouts.COMMIT_66559D6;
			DevicePolicy policy = new PolicyCompiler(CardCertificates.IGNORED).model(device, 0);
			ExportPlan plan = new BitvisorExporter(BitvisorLayouts.forCommit(commit)).plan(policy);
			boolean degrade = !plan.degradations().isEmpty();
			if (degrade) {
				FleetSelection.showResults("BitVisor export plan of " + device.getName(), ExportRun.rows(plan));
				if (!MessageDialog.openQuestion(shell, "Export to BitVisor", "Stock BitVisor would weaken or drop "
						+ plan.degradations().size() + " elements of " + device.getName()
						+ " (listed in Compile Results). Export anyway?")) {
					return null;
				}
			}
			Path keys = fleetFolder;
			if (!plan.keys().isEmpty()) {
				DirectoryDialog dialog = new DirectoryDialog(shell);
				dialog.setMessage("Folder with the raw storage keys (KEY-ID.key): stock BitVisor keeps them in its config");
				String chosen = dialog.open();
				if (chosen == null) {
					return null;
				}
				keys = Path.of(chosen);
			}
			char[] passphrase = FleetSelection.secret(shell, "Export to BitVisor", "Password for module2.bin:");
			if (passphrase == null) {
				return null;
			}
			try {
				FleetSelection.showResults("BitVisor export of " + device.getName(),
						ExportRun.write(fleetFolder, policy, plan, keys, passphrase, degrade));
			} finally {
				Arrays.fill(passphrase, '\0');
			}
			FleetSelection.refresh(folder, null);
		} catch (Exception e) {
			MessageDialog.openError(shell, "Export to BitVisor", e.getMessage());
		}
		return null;
	}
}
