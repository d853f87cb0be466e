// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

import java.util.List;

import dev.parapet.compiler.model.DevicePolicy;

/** export-report.md: every policy element and how it maps, every degradation, the stock format's limits. */
final class ExportReport {

	private ExportReport() {
	}

	static String render(DevicePolicy policy, ExportPlan plan) {
		StringBuilder md = new StringBuilder();
		md.append("# BitVisor export of ").append(plan.device()).append("\n\n");
		md.append("- fleet: ").append(policy.fleetId()).append('\n');
		md.append("- BitVisor commit: ").append(plan.layout().commit()).append(" (config_data length ")
				.append(plan.layout().length()).append(" bytes)\n");
		List<ExportElement> degraded = plan.degradations();
		md.append("- elements: ").append(plan.elements().size()).append(", mapped ")
				.append(plan.elements().size() - degraded.size()).append(", degraded ").append(degraded.size()).append("\n\n");
		md.append("## Mapped\n\n| element | source | BitVisor |\n|---|---|---|\n");
		for (ExportElement element : plan.elements()) {
			if (!element.isDegraded()) {
				row(md, element);
			}
		}
		md.append("\n## Weakened or dropped (stock BitVisor cannot express)\n\n");
		if (degraded.isEmpty()) {
			md.append("Nothing.\n");
		} else {
			md.append("| element | source | why |\n|---|---|---|\n");
			degraded.forEach(element -> row(md, element));
		}
		md.append("\n## What stock BitVisor never has\n\n");
		md.append("- No signature anywhere in the boot chain, no policy id and no rollback counter (this device's is ")
				.append(policy.rollbackCounter()).append("): a swapped configuration goes unnoticed.\n");
		md.append("- module2.bin is PBKDF2-HMAC-SHA1 with 1024 iterations and AES-256-CBC without a MAC: a wrong "
				+ "password is only caught by the length check.\n");
		md.append("- config.bin holds the storage keys in the clear; keep it off disks and delete it after use.\n");
		md.append("- vmm.randomSeed and the module2.bin salt are random: two exports differ in those bytes only.\n");
		return md.toString();
	}

	private static void row(StringBuilder md, ExportElement element) {
		md.append("| ").append(cell(element.element())).append(" | ").append(cell(element.source().toString()))
				.append(" | ").append(cell(element.detail())).append(" |\n");
	}

	private static String cell(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}
}
