// SPDX-License-Identifier: EPL-2.0
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.parapet.compiler.CardCertificateDirectory;
import dev.parapet.compiler.FleetCompiler;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.internal.XtextFleetSource;
import dev.parapet.compiler.keys.Pkcs11KeySource;
import dev.parapet.compiler.keys.Pkcs11Uri;
import dev.parapet.compiler.keys.Pkcs12KeySource;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.compiler.keys.SecretSource;

/**
 * Compile-and-sign benchmark: loads a fleet once, then compiles, signs and writes every device's
 * blob (plus the index) in one JVM, once per signer; prints ms per device. Run by ./run.
 *
 * usage: CompileBench FLEET CARD_CERTS OUT P12 ALIAS [PKCS11_URI]   (secrets from BENCH_P12_PASS, BENCH_PIN)
 */
public final class CompileBench {

	public static void main(String[] args) throws Exception {
		Path fleetDir = Path.of(args[0]);
		long t0 = System.nanoTime();
		LoadedFleet fleet = new XtextFleetSource().load(fleetDir);
		long loaded = System.nanoTime();
		System.out.printf("load+validate: %d devices in %.1f s%n", fleet.devices().size(), (loaded - t0) / 1e9);
		PolicyCompiler compiler = new PolicyCompiler(new CardCertificateDirectory(Path.of(args[1])));
		try (PolicySigner signer = Pkcs12KeySource.open(Path.of(args[3]), args[4],
				SecretSource.environment("BENCH_P12_PASS"))) {
			run("pkcs12", fleet, compiler, signer, Path.of(args[2]).resolve("pkcs12"));
		}
		if (args.length > 5) {
			try (PolicySigner signer = Pkcs11KeySource.open(Pkcs11Uri.parse(args[5]), SecretSource.environment("BENCH_PIN"))) {
				run("softhsm2", fleet, compiler, signer, Path.of(args[2]).resolve("softhsm2"));
			}
		}
	}

	private static void run(String name, LoadedFleet fleet, PolicyCompiler compiler, PolicySigner signer, Path out)
			throws Exception {
		FleetCompiler fleetCompiler = new FleetCompiler(compiler);
		// warm-up on a slice so the JIT has compiled the hot paths, as in a long compile run
		fleetCompiler.compile(fleet.devices().subList(0, Math.min(500, fleet.devices().size())), 1_793_491_200L, signer);
		List<?> devices = fleet.devices();
		long start = System.nanoTime();
		FleetCompiler.Result result = fleetCompiler.compile(fleet.devices(), 1_793_491_200L, signer);
		long compiled = System.nanoTime();
		if (!result.failures().isEmpty()) {
			throw new IllegalStateException(result.failures().size() + " devices failed, first: " + result.failures().get(0));
		}
		Files.createDirectories(out);
		fleetCompiler.write(fleet, result, 1_793_491_200L, signer, out);
		long written = System.nanoTime();
		System.out.printf("%s: %d devices, compile+sign %.2f ms/device, with writing %.2f ms/device (total %.1f s)%n", name,
				devices.size(), (compiled - start) / 1e6 / devices.size(), (written - start) / 1e6 / devices.size(),
				(written - start) / 1e9);
	}
}
