// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

import java.util.List;
import java.util.stream.Collectors;

/** The export would weaken or drop policy elements and {@code --allow-degrade} was not given. */
public final class ExportRefusedException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient List<ExportElement> degradations;

	public ExportRefusedException(List<ExportElement> degradations) {
		super("Stock BitVisor would weaken or drop " + degradations.size() + " policy elements (--allow-degrade exports anyway):"
				+ System.lineSeparator() + degradations.stream().map(d -> d.source() + ": " + d.element() + ": " + d.detail())
						.collect(Collectors.joining(System.lineSeparator())));
		this.degradations = List.copyOf(degradations);
	}

	public List<ExportElement> degradations() {
		return degradations;
	}
}
