// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.ui.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import dev.parapet.compiler.model.DevicePolicy;
import dev.parapet.compiler.ui.internal.CompileResultsView.Row;
import dev.parapet.export.bitvisor.BitvisorExport;
import dev.parapet.export.bitvisor.ExportElement;
import dev.parapet.export.bitvisor.ExportPlan;
import dev.parapet.export.bitvisor.KeyDirectory;

/** The work of Export to BitVisor after the user confirmed: write the four files; rows for the view. */
final class ExportRun {

	static final String OUTPUT = "out/bitvisor";

	private ExportRun() {
	}

	static List<Row> rows(ExportPlan plan) {
		List<Row> rows = new ArrayList<>();
		for (ExportElement element : plan.elements()) {
			rows.add(new Row(element.element(), (element.isDegraded() ? "DEGRADED: " : "mapped: ") + element.detail(),
					element.source().toString()));
		}
		return rows;
	}

	static List<Row> write(Path fleetFolder, DevicePolicy policy, ExportPlan plan, Path keys, char[] passphrase,
			boolean allowDegrade) {
		List<Row> rows = new ArrayList<>();
		Path out = fleetFolder.resolve(OUTPUT).resolve(plan.device());
		try {
			BitvisorExport.write(BitvisorExport.build(policy, plan, new KeyDirectory(keys), passphrase, new SecureRandom(),
					allowDegrade), out);
			rows.add(new Row(plan.device(), "bitvisor.conf, config.bin, module2.bin, export-report.md -> " + OUTPUT + "/"
					+ plan.device(), ""));
		} catch (Exception e) {
			rows.add(new Row(plan.device(), "export failed: " + e.getMessage(), ""));
		}
		rows.addAll(rows(plan));
		return rows;
	}
}
