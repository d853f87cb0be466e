// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.ExitCode;
import dev.parapet.cli.internal.Terminal;
import dev.parapet.cli.internal.compile.RegistryOption;
import dev.parapet.cli.internal.compile.SecretOptions;
import dev.parapet.compiler.CardCertificateDirectory;
import dev.parapet.compiler.CreationTime;
import dev.parapet.compiler.FleetLoadException;
import dev.parapet.compiler.LoadedFleet;
import dev.parapet.compiler.PolicyCompiler;
import dev.parapet.compiler.RegistryCardCertificates;
import dev.parapet.compiler.SigningKeys;
import dev.parapet.compiler.internal.XtextFleetSource;
import dev.parapet.compiler.keys.PolicySigner;
import dev.parapet.image.CardKeyDirectory;
import dev.parapet.image.FleetBake;
import dev.parapet.image.FleetImageInputs;
import dev.parapet.image.KeyManagementCertificateDirectory;
import dev.parapet.image.KeyRandomness;
import dev.parapet.image.RegistryCardKeyDirectory;
import dev.parapet.image.SigningKey;
import dev.parapet.image.StorageKeys;
import dev.parapet.registry.CardDirectory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parapet bake FLEET (--device NAME... | --all) --out DIR}: signed boot images for devices of a fleet. */
@Command(name = "bake", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Bakes signed, reproducible boot images for devices of a fleet.",
				"Per device: a raw GPT disk whose FAT32 ESP holds hv-runtime (policy key in .pppkey,",
				"Authenticode-signed with the fleet's secure-boot-key), the signed policy blob, the storage",
				"keys wrapped to the 9D keys of the authorized cards, a CycloneDX SBOM and a CMS-signed",
				"manifest over all of them (docs/formats.md 2, 3). Then a tar.gz bundle of all images." },
		footer = { "", "Time: --created, else SOURCE_DATE_EPOCH (the wall clock is never used).",
				"Same inputs and time give the same images, except the freshly drawn ephemeral ECDH keys (and",
				"storage keys without a key store), which the manifest records.",
				"Storage keys: with --key-store FILE --key-store-key REF (--create-key-store the first time)",
				"each (device, key id, generation) keeps",
				"its key across bakes (drawn once, sealed under the master key; docs/formats.md 5); raise the",
				"key's generation in the policy to rotate it. A damaged or altered store is refused. Without",
				"--key-store the storage keys are EPHEMERAL: re-baking a device makes its disks' data unreadable.",
				"Each image appears atomically as DIR/<device>.img; a failed device leaves no file.",
				"Card certificates: --registry (issued cards only), or --card-certs DIR/UID.pem (9A, as parapet compile)",
				"and --card-keys DIR/UID.pem (9D).",
				"Policy key PIN: --pin-env/--pin-file as parapet compile; Secure Boot key: --secure-boot-pin-env/-file.",
				"", "Exit codes: 0 all baked, 1 a device failed (invalid policy, missing card...), 2 usage or I/O error." })
public final class BakeCommand implements Callable<Integer> {

	private final CliContext context;

	@Parameters(index = "0", paramLabel = "FLEET", description = "fleet folder (or the file with the fleet header)")
	private Path fleetPath;

	@ArgGroup(exclusive = true, multiplicity = "1")
	private Selection selection;

	static final class Selection {
		@Option(names = "--device", paramLabel = "NAME", description = "bake this device (repeatable)")
		List<String> devices;

		@Option(names = "--all", description = "bake every device of the fleet")
		boolean all;
	}

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
	private Path out;

	@Option(names = "--jobs", paramLabel = "N", description = "devices baked in parallel (default: number of CPUs)")
	private int jobs = Runtime.getRuntime().availableProcessors();

	@Option(names = "--runtime", required = true, paramLabel = "EFI", description = "hv-runtime's unsigned EFI binary (parapet-hv.efi)")
	private Path runtime;

	@Option(names = "--runtime-version", paramLabel = "VERSION", description = "hv-runtime version for manifest and SBOM (default: sha256-<first 12 hex digits of the binary>)")
	private String runtimeVersion;

	@ArgGroup(exclusive = true, multiplicity = "1")
	private CardSource cards;

	static final class CardSource {
		@Option(names = "--registry", paramLabel = "PATH|JDBC-URL",
				description = { "the card registry (9A and 9D certificates of issued cards): a workspace folder, its",
						".parapet/registry.mv.db, or jdbc:postgresql://HOST:PORT/DB?user=USER (password from PARAPET_REGISTRY_PASSWORD)" })
		String registry;

		@ArgGroup(exclusive = false, multiplicity = "1")
		CertificateFolders folders;
	}

	static final class CertificateFolders {
		@Option(names = "--card-certs", required = true, paramLabel = "DIR",
				description = "9A certificates of the cards, one file per card UID (UID.pem, UID.der or UID.crt)")
		Path cardCertificates;

		@Option(names = "--card-keys", required = true, paramLabel = "DIR",
				description = "9D (key management) certificates of the cards, one file per card UID, as for --card-certs")
		Path cardKeys;
	}

	@Option(names = "--created", paramLabel = "EPOCH", description = "creation time, seconds since 1970 (default: SOURCE_DATE_EPOCH)")
	private String created;

	@Option(names = "--no-bundle", description = "do not pack <fleet>.images.tar.gz")
	private boolean noBundle;

	@Option(names = "--json", description = "print the baked images as JSON on stdout (schema parapet-bake/1)")
	private boolean json;

	@Option(names = "--deterministic-test-keys", paramLabel = "SEED", hidden = true,
			description = "TESTS ONLY: derive storage and ephemeral keys from SEED; the manifest marks the image as a test image")
	private String testKeySeed;

	@Mixin
	private SecretOptions policyPin = new SecretOptions();

	@Mixin
	private KeyOptions keys = new KeyOptions();

	@Mixin
	private KeyStoreOptions keyStore = new KeyStoreOptions();

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
	private boolean help;

	/**
	 * @param context the streams and working directory of this run
	 */
	public BakeCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() throws CliException, IOException {
		Path fleetDir = context.workingDirectory().resolve(fleetPath);
		long time;
		try {
			time = CreationTime.resolve(Optional.ofNullable(created), System.getenv());
		} catch (IllegalArgumentException e) {
			throw new CliException(e.getMessage());
		}
		LoadedFleet fleet;
		try {
			fleet = new XtextFleetSource().load(fleetDir);
		} catch (FleetLoadException e) {
			context.err().println("parapet bake: " + e.getMessage());
			return ExitCode.FINDINGS;
		}
		Path runtimeFile = context.workingDirectory().resolve(runtime);
		if (!Files.isRegularFile(runtimeFile)) {
			throw new CliException(runtimeFile + ": no such hv-runtime EFI binary");
		}
		byte[] efi = Files.readAllBytes(runtimeFile);
		String version = runtimeVersion != null ? runtimeVersion : "sha256-" + HexFormat.of().formatHex(sha256(efi)).substring(0, 12);
		List<String> devices = selection.all ? fleet.devices().stream().map(d -> d.getName()).sorted().toList() : selection.devices;
		for (String d : devices) {
			if (fleet.device(d).isEmpty()) {
				throw new CliException("no device " + d + " in fleet " + fleet.fleet().getName());
			}
		}
		KeyRandomness randomness = testKeySeed != null ? KeyRandomness.deterministicForTests(testKeySeed) : KeyRandomness.secure();
		if (testKeySeed != null && keyStore.store != null) {
			throw new CliException("--deterministic-test-keys and --key-store exclude each other");
		}
		Optional<KeyStoreOptions.Opened> store = keyStore.open(context.workingDirectory(), keys.pkcs11Module);
		if (testKeySeed != null) {
			context.err().println("parapet bake: WARNING deterministic test keys: these images are for tests only");
		} else if (store.isEmpty()) {
			context.err().println("parapet bake: WARNING storage keys are EPHEMERAL (no --key-store): they are kept nowhere, so"
					+ " re-baking these devices gives their disks new keys and the data encrypted under the old ones is lost");
		}
		StorageKeys storageKeys = store.<StorageKeys>map(KeyStoreOptions.Opened::store).orElse(StorageKeys.ephemeral(randomness));
		try (KeyStoreOptions.Opened closeStore = store.orElse(null);
				CardDirectory registry = RegistryOption.open(cards.registry, context);
				PolicySigner policySigner = SigningKeys.open(fleet.fleet(),
						policyPin.source(context.workingDirectory(), "PIN or passphrase of the policy signing key"))) {
			CardKeyDirectory cardKeyDirectory = registry != null ? new RegistryCardKeyDirectory(registry)
					: new KeyManagementCertificateDirectory(context.workingDirectory().resolve(cards.folders.cardKeys));
			PolicyCompiler compiler = new PolicyCompiler(registry != null ? new RegistryCardCertificates(registry)
					: new CardCertificateDirectory(context.workingDirectory().resolve(cards.folders.cardCertificates)));
			SigningKey secureBoot = keys.secureBootKey(fleet.fleet(), context.workingDirectory());
			FleetImageInputs inputs = new FleetImageInputs(fleet, compiler, policySigner, secureBoot, cardKeyDirectory, efi,
					version, time, randomness, storageKeys);
			boolean terminal = Terminal.progressBarFor(context.err());
			ProgressLine progress = new ProgressLine(context.err(), terminal, devices.size());
			long start = System.nanoTime();
			Path outDir = context.workingDirectory().resolve(out);
			FleetBake.Result result = new FleetBake(outDir, jobs, !noBundle, progress).run(inputs.fleetName(), time, devices, inputs,
					new AtomicBoolean());
			double seconds = (System.nanoTime() - start) / 1e9;
			if (json) {
				context.out().println(json(inputs.fleetName(), result, store.map(o -> o.store().file())));
			}
			context.err().printf("parapet bake: %d of %d images in %s (%.1f MiB, %.1f s)%s%n", result.images().size(), devices.size(),
					outDir, progress.bytes() / 1048576.0, seconds, result.bundle() == null ? "" : ", bundle " + result.bundle().getFileName());
			return result.ok() ? ExitCode.OK : ExitCode.FINDINGS;
		} catch (Exception e) {
			if (e instanceof CliException c) {
				throw c;
			}
			if (e instanceof IOException io) {
				throw io;
			}
			throw new CliException(e.getMessage(), e);
		}
	}

	private static String json(String fleet, FleetBake.Result result, Optional<Path> keyStoreFile) {
		JsonObject o = new JsonObject();
		o.addProperty("format", "parapet-bake/1");
		o.addProperty("fleet", fleet);
		o.addProperty("storageKeys", keyStoreFile.isPresent() ? "key-store" : "ephemeral");
		o.addProperty("keyStore", keyStoreFile.map(Path::toString).orElse(null));
		JsonArray images = new JsonArray();
		for (FleetBake.Image i : result.images()) {
			JsonObject j = new JsonObject();
			j.addProperty("device", i.device());
			j.addProperty("file", i.file().toString());
			j.addProperty("size", i.size());
			j.addProperty("sha256", i.sha256());
			images.add(j);
		}
		o.add("images", images);
		JsonObject failures = new JsonObject();
		result.failures().forEach(failures::addProperty);
		o.add("failures", failures);
		o.addProperty("bundle", result.bundle() == null ? null : result.bundle().toString());
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
