// SPDX-License-Identifier: EPL-2.0

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.parapet.cli.internal.PolicyInjectors;
import dev.parapet.policy.fleet.FleetLoader;
import dev.parapet.policy.fleet.LoadedFleet;

/**
 * What an editor does on each keystroke in one file of a large fleet, at API level: the fleet is
 * loaded and validated once by the FleetLoader, as {@code parapet check} does; then one file is
 * edited again and again (a serial number changes), and each time re-parsed and re-validated (all
 * checks) within the loaded resource set.
 *
 * <pre>java -cp "PRODUCT/plugins/*" RevalidationBench.java FLEET FILE [EDITS]</pre>
 */
public final class RevalidationBench {

	public static void main(String[] args) throws Exception {
		Path fleetDir = Path.of(args[0]).toAbsolutePath().normalize();
		Path edited = fleetDir.resolve(args[1]).normalize();
		int edits = args.length > 2 ? Integer.parseInt(args[2]) : 30;

		long start = System.nanoTime();
		Injector injector = PolicyInjectors.runtime();
		LoadedFleet loaded = injector.getInstance(FleetLoader.class).load(List.of(fleetDir));
		XtextResourceSet fleet = loaded.resourceSet();
		IResourceValidator validator = injector.getInstance(IResourceValidator.class);
		System.out.printf("loaded and validated %d files in %d ms (%d findings)%n", fleet.getResources().size(),
				(System.nanoTime() - start) / 1_000_000, loaded.diagnostics().size());

		XtextResource resource = (XtextResource) fleet.getResource(URI.createFileURI(edited.toString()), false);
		String original = resource.getParseResult().getRootNode().getText();
		String target = original.substring(original.indexOf("serial \"") + 8, original.indexOf("serial \"") + 18);
		List<Long> micros = new ArrayList<>();
		List<Long> cpuMicros = new ArrayList<>();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int edit = 0; edit < edits; edit++) {
			String text = original.replace(target, String.format("%010d", edit));
			long c0 = threads.getCurrentThreadCpuTime();
			long t0 = System.nanoTime();
			resource.reparse(text);
			List<Issue> found = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
			micros.add((System.nanoTime() - t0) / 1000);
			cpuMicros.add((threads.getCurrentThreadCpuTime() - c0) / 1000);
			if (edit == 0) {
				System.out.printf("first edit of %s: %d issues%n", fleetDir.relativize(edited), found.size());
			}
		}
		long first = micros.get(0);
		List<Long> sorted = new ArrayList<>(micros);
		Collections.sort(sorted);
		System.out.printf("revalidate one file (%d chars) after an edit: first %.1f ms, median %.1f ms, max %.1f ms over %d edits%n",
				original.length(), first / 1000.0, sorted.get(sorted.size() / 2) / 1000.0,
				sorted.get(sorted.size() - 1) / 1000.0, edits);
		// on a shared machine the wall time includes waiting for other processes, the CPU time does not
		List<Long> cpu = new ArrayList<>(cpuMicros.subList(edits / 2, edits));
		Collections.sort(cpu);
		System.out.printf("CPU time of one re-validation after warm-up (last %d edits): median %.1f ms%n", cpu.size(),
				cpu.get(cpu.size() / 2) / 1000.0);
	}
}
