// SPDX-License-Identifier: EPL-2.0
package dev.parapet.tests.base;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.parapet.policy.PolicyStandaloneSetup;
import dev.parapet.policy.fleet.FleetLoader;
import dev.parapet.policy.fleet.LoadedFleet;
import dev.parapet.policy.fleet.PolicyDiagnostic;
import dev.parapet.policy.formatting2.PolicyFormatting;

/**
 * Test helpers for the policy language: one injector per test JVM, fleets written to temporary
 * folders and loaded the way {@code parapet check} loads them, in-memory parsing, formatting and
 * the location of the repository's examples.
 */
public final class PolicyTestSupport {

	private static Injector injector;

	private PolicyTestSupport() {
	}

	/** The standalone injector of the policy language, created once. */
	public static synchronized Injector injector() {
		if (injector == null) {
			injector = new PolicyStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** Writes the files (relative name to content) into a fresh temporary folder. */
	public static Path writeFleet(Map<String, String> files) {
		try {
			Path folder = Files.createTempDirectory("parapet-fleet");
			for (Map.Entry<String, String> file : files.entrySet()) {
				Path path = folder.resolve(file.getKey());
				Files.createDirectories(path.getParent());
				Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
			}
			return folder;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Loads a fleet folder with the {@link FleetLoader} of the shared injector. */
	public static LoadedFleet load(Path... paths) {
		try {
			return injector().getInstance(FleetLoader.class).load(List.of(paths));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes the files to a temporary fleet folder, loads it, deletes it and returns the findings. */
	public static List<PolicyDiagnostic> check(Map<String, String> files) {
		Path folder = writeFleet(files);
		try {
			return load(folder).diagnostics();
		} finally {
			delete(folder);
		}
	}

	/** Parses text in memory (no file, no imports) into a fresh resource set. */
	public static XtextResource parse(String text) {
		XtextResourceSet set = injector().getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) set.createResource(URI.createURI("memory.parapet"));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return resource;
	}

	/** Parses and validates text in memory; returns every issue, syntax and linking errors included. */
	public static List<Issue> validate(String text) {
		XtextResource resource = parse(text);
		return injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL,
				CancelIndicator.NullImpl);
	}

	/** The canonical layout of the text. */
	public static String format(String text) {
		return injector().getInstance(PolicyFormatting.class).format(text);
	}

	/** The repository's {@code examples/acme-fleet}, found from the working directory upwards. */
	public static Path exampleFleet() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("examples/acme-fleet");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("examples/acme-fleet not found above " + Path.of("").toAbsolutePath());
	}

	/** Every fleet folder under the repository's {@code examples/}, sorted. */
	public static List<Path> exampleFleets() {
		try (Stream<Path> list = Files.list(exampleFleet().getParent())) {
			return list.filter(Files::isDirectory).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every {@code .parapet} file below the folder, sorted. */
	public static List<Path> policyFiles(Path folder) {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(p -> p.toString().endsWith(".parapet")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Deletes a folder tree; used for temporary fleets. */
	public static void delete(Path folder) {
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
