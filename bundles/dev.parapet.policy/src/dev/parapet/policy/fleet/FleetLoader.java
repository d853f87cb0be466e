// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Provider;

import dev.parapet.policy.PolicyStandaloneSetup;
import dev.parapet.policy.effective.EffectivePolicies;
import dev.parapet.policy.validation.IssueCodes;

/**
 * Loads a fleet: every {@code .parapet} file of a folder (recursively) or the files given, into
 * one resource set; links, validates and returns every finding. Used by {@code parapet check}, the
 * compiler and the workbench.
 * <p>
 * Typical use: {@code FleetLoader.create().load(List.of(Path.of("examples/acme-fleet")))}.
 */
public final class FleetLoader {

	/** File extension of policy files. */
	public static final String EXTENSION = ".parapet";

	private final Provider<XtextResourceSet> resourceSets;
	private final IResourceValidator validator;

	@Inject
	public FleetLoader(Provider<XtextResourceSet> resourceSets, IResourceValidator validator) {
		this.resourceSets = resourceSets;
		this.validator = validator;
	}

	/** A loader backed by a fresh standalone injector of the policy language. */
	public static FleetLoader create() {
		Injector injector = new PolicyStandaloneSetup().createInjectorAndDoEMFRegistration();
		return injector.getInstance(FleetLoader.class);
	}

	/**
	 * Loads, links and validates.
	 *
	 * @param paths folders (searched recursively for {@code .parapet} files) and single files
	 * @throws IOException when a path does not exist or cannot be read
	 */
	public LoadedFleet load(List<Path> paths) throws IOException {
		List<Path> files = new ArrayList<>();
		List<Path> folders = new ArrayList<>();
		for (Path path : paths) {
			Path absolute = path.toAbsolutePath().normalize();
			if (Files.isDirectory(absolute)) {
				folders.add(absolute);
				files.addAll(policyFiles(absolute));
			} else if (Files.isRegularFile(absolute)) {
				files.add(absolute);
			} else {
				throw new java.nio.file.NoSuchFileException(path.toString());
			}
		}
		files = List.copyOf(new TreeSet<>(files));
		XtextResourceSet resourceSet = resourceSets.get();
		for (Path file : files) {
			Resource resource = resourceSet.createResource(uriOf(file));
			try (var in = Files.newInputStream(file)) {
				resource.load(in, resourceSet.getLoadOptions());
			}
		}
		EcoreUtil.resolveAll(resourceSet);

		List<PolicyDiagnostic> diagnostics = new ArrayList<>();
		for (Resource resource : List.copyOf(resourceSet.getResources())) {
			if (resource instanceof XtextResource) {
				Path file = Path.of(resource.getURI().toFileString());
				for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
					diagnostics.add(toDiagnostic(file, issue));
				}
			}
		}
		for (Path folder : folders) {
			if (files.stream().noneMatch(f -> f.startsWith(folder)) || fleetMissing(resourceSet, folder)) {
				diagnostics.add(new PolicyDiagnostic(folder, 0, 0, PolicyDiagnostic.Severity.ERROR, IssueCodes.NO_FLEET,
						"Fleet folder " + folder.getFileName() + " declares no fleet"));
			}
		}
		Collections.sort(diagnostics);
		return new LoadedFleet(resourceSet, files, diagnostics);
	}

	private static boolean fleetMissing(XtextResourceSet resourceSet, Path folder) {
		for (Resource resource : resourceSet.getResources()) {
			if (resource.getURI().isFile() && Path.of(resource.getURI().toFileString()).startsWith(folder)
					&& EffectivePolicies.fleetOf(resource) != null) {
				return false;
			}
		}
		return true;
	}

	private static List<Path> policyFiles(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p)).sorted()
					.toList();
		} catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	private static URI uriOf(Path file) {
		return URI.createFileURI(file.toString());
	}

	private static PolicyDiagnostic toDiagnostic(Path file, Issue issue) {
		PolicyDiagnostic.Severity severity = issue.getSeverity() == Severity.ERROR ? PolicyDiagnostic.Severity.ERROR
				: issue.getSeverity() == Severity.WARNING ? PolicyDiagnostic.Severity.WARNING
						: PolicyDiagnostic.Severity.INFO;
		String code = issue.getCode() != null && issue.getCode().startsWith("PP") ? issue.getCode()
				: issue.isSyntaxError() ? IssueCodes.SYNTAX_ERROR : issue.getCode();
		return new PolicyDiagnostic(file, orZero(issue.getLineNumber()), orZero(issue.getColumn()), severity,
				code == null ? IssueCodes.SYNTAX_ERROR : code, issue.getMessage());
	}

	private static int orZero(Integer value) {
		return value == null ? 0 : value;
	}
}
