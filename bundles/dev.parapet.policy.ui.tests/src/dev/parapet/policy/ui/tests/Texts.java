// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;

import dev.parapet.policy.ui.internal.model.FleetParser;
import dev.parapet.policy.ui.internal.model.PolicySnapshot;

/** Small fleets written to a temporary folder and parsed the way the editor parses them. */
final class Texts {

	private final Path folder;
	private final List<URI> files = new ArrayList<>();

	Texts() throws IOException {
		folder = Files.createTempDirectory("parapet-policy-ui");
	}

	/** Writes a file of the fleet. */
	Texts with(String name, String text) throws IOException {
		Path file = folder.resolve(name);
		Files.writeString(file, text);
		files.add(URI.createFileURI(file.toString()));
		return this;
	}

	/** Parses {@code text} as the editor content of {@code name}, next to the other files, with validation. */
	PolicySnapshot edit(String name, String text) {
		return FleetParser.parse(URI.createFileURI(folder.resolve(name).toString()), text, files, CheckMode.NORMAL_AND_FAST,
				CancelIndicator.NullImpl);
	}
}
