// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.internal.build;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;

/**
 * Files open in a policy editor. Their editor validates the text being typed and keeps their markers
 * current, so the fleet builder, which only sees the saved content, leaves them alone.
 */
public final class EditedFiles {

	private static final Set<IFile> FILES = ConcurrentHashMap.newKeySet();

	private EditedFiles() {
	}

	/** An editor took over the markers of {@code file}. */
	public static void add(IFile file) {
		FILES.add(file);
	}

	/** The editor of {@code file} closed: the builder owns its markers again. */
	public static void remove(IFile file) {
		FILES.remove(file);
	}

	/** Whether an editor owns the markers of {@code file}. */
	public static boolean contains(IFile file) {
		return FILES.contains(file);
	}
}
