// SPDX-License-Identifier: EPL-2.0
package dev.parapet.export.bitvisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parapet.compiler.internal.AtomicFiles;
import dev.parapet.compiler.model.DevicePolicy;

/**
 * Turns an {@link ExportPlan} into the four export files: bitvisor.conf, config.bin, module2.bin and
 * export-report.md (docs/formats.md 6). Refuses when the plan degrades anything unless allowed.
 */
public final class BitvisorExport {

	public static final String CONF = "bitvisor.conf";
	public static final String CONFIG = "config.bin";
	public static final String MODULE = "module2.bin";
	public static final String REPORT = "export-report.md";

	/** The export's files in memory. config.bin holds storage keys in the clear: write it, then drop it. */
	public record Files(String conf, byte[] config, byte[] module2, String report) {
	}

	private BitvisorExport() {
	}

	/**
	 * @param keys       raw storage keys (only read when the plan encrypts a range)
	 * @param passphrase the uefi-loader-login password for module2.bin; the caller wipes it
	 * @throws ExportRefusedException if the plan degrades elements and {@code allowDegrade} is false
	 */
	public static Files build(DevicePolicy policy, ExportPlan plan, KeyDirectory keys, char[] passphrase,
			SecureRandom random, boolean allowDegrade) throws ExportRefusedException, IOException, GeneralSecurityException {
		if (!plan.degradations().isEmpty() && !allowDegrade) {
			throw new ExportRefusedException(plan.degradations());
		}
		Map<String, byte[]> files = new HashMap<>();
		byte[] seed = new byte[1024];
		random.nextBytes(seed);
		byte[] config;
		try {
			for (var key : plan.keys()) {
				int bits = policy.keySlots().stream().filter(s -> s.keyId().equals(key.keyId())).findFirst().orElseThrow()
						.bits();
				files.put(key.file(), keys.half(key.keyId(), bits, key.half()));
			}
			config = ConfigImage.build(plan.layout(), plan.entries(), files, seed);
		} finally {
			files.values().forEach(b -> Arrays.fill(b, (byte) 0));
			Arrays.fill(seed, (byte) 0);
		}
		String conf = ConfigText.render(plan.layout(), List.of("Stock BitVisor configuration for device " + plan.device()
				+ " of fleet " + policy.fleetId() + ", BitVisor commit " + plan.layout().commit() + ".",
				"Written by parapet export bitvisor; see export-report.md for what this cannot express.",
				"Key places name 32-byte key halves (KEY-ID.0.key, KEY-ID.1.key) to rebuild config.bin with BitVisor's tool."),
				plan.entries());
		return new Files(conf, config, EncryptedConfig.encrypt(config, passphrase, random),
				ExportReport.render(policy, plan));
	}

	/** Writes the four files, each atomically. */
	public static void write(Files files, Path directory) throws IOException {
		AtomicFiles.write(directory.resolve(CONF), files.conf().getBytes(StandardCharsets.UTF_8));
		AtomicFiles.write(directory.resolve(CONFIG), files.config());
		AtomicFiles.write(directory.resolve(MODULE), files.module2());
		AtomicFiles.write(directory.resolve(REPORT), files.report().getBytes(StandardCharsets.UTF_8));
	}
}
