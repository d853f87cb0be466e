// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.compile;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.parapet.cli.internal.CliContext;
import dev.parapet.cli.internal.CliException;
import dev.parapet.cli.internal.ExitCode;
import dev.parapet.compiler.cose.DecodedBlob;
import dev.parapet.compiler.cose.InvalidPolicyException;
import dev.parapet.compiler.cose.PolicyBlobReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parapet verify-policy BLOB --trust CERT}: checks a blob as the runtime would. */
@Command(name = "verify-policy", sortOptions = false, usageHelpAutoWidth = true,
		description = { "Verifies a policy blob: ES256 signature by the certificate's key, strict deterministic CBOR,",
				"schema 1 and policy id (docs/formats.md 1)." },
		footer = { "", "Output: 'valid DEVICE POLICY-ID' or 'invalid: REASON' on stdout.",
				"Exit codes: 0 valid, 1 invalid, 2 usage or I/O error." })
public final class VerifyPolicyCommand implements Callable<Integer> {

	private final CliContext context;

	@Parameters(index = "0", paramLabel = "BLOB", description = "policy blob (.policy.cose)")
	private Path blob;

	@Option(names = "--trust", required = true, paramLabel = "CERT",
			description = "certificate of the policy signing key (PEM or DER)")
	private Path trust;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
	private boolean help;

	public VerifyPolicyCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() throws CliException {
		byte[] bytes = BlobFiles.blob(context.workingDirectory().resolve(blob));
		try {
			DecodedBlob decoded = PolicyBlobReader.verify(bytes, BlobFiles.trusted(context.workingDirectory().resolve(trust)));
			context.out().println("valid " + decoded.policy().get("device").getAsString() + " " + decoded.policyIdHex());
			return ExitCode.OK;
		} catch (InvalidPolicyException e) {
			context.out().println("invalid: " + e.getMessage());
			return ExitCode.FINDINGS;
		}
	}
}
