// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The binary layout of {@code struct config_data} at one named BitVisor commit: its size (the value
 * of field {@code len}, checked by the hypervisor), its top-level groups and every field a text key
 * of bitvisor.conf sets.
 */
public final class BitvisorLayout {

	private final String commit;
	private final int length;
	private final List<FieldGroup> groups;
	private final Map<String, ConfigField> fields;

	BitvisorLayout(String commit, int length, List<FieldGroup> groups, Map<String, ConfigField> fields) {
		this.commit = commit;
		this.length = length;
		this.groups = List.copyOf(groups);
		this.fields = Map.copyOf(fields);
	}

	/** The commit (as given to {@code --commit}). */
	public String commit() {
		return commit;
	}

	/** sizeof(struct config_data), the value of {@code len}. */
	public int length() {
		return length;
	}

	public List<FieldGroup> groups() {
		return groups;
	}

	public FieldGroup group(String name) {
		return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
	}

	/** The field set by a text key (case-insensitive, as BitVisor matches keys). */
	public Optional<ConfigField> field(String key) {
		return Optional.ofNullable(fields.get(key.toLowerCase(Locale.ROOT)));
	}
}
