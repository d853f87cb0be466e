// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import dev.parapet.registry.AuditVerification;
import dev.parapet.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parapet audit verify}: find edited, removed or reordered entries. Exit 1 when any. */
@Command(name = "verify", description = "Check the audit chain and signatures against the trusted station keys (.parapet/audit-keys).")
final class AuditVerifyCommand extends VerbCommand {

    @Option(names = "--expect-head", paramLabel = "HASH", description = "hash of the newest entry recorded elsewhere (detects removal of the newest entries)")
    String expectHead;

    AuditVerifyCommand(CommandContext context) {
        super(context);
    }

    @Override
    int run() throws Exception {
        var st = station.station(context);
        try (Registry registry = station.open(context)) {
            AuditVerification v = registry.verifyAudit(st.trustedAuditKeys());
            v.problems().forEach(context.out()::println);
            boolean headOk = expectHead == null || expectHead.equalsIgnoreCase(v.headHash());
            if (!headOk) {
                context.out().println("head: expected " + expectHead + " but the log ends at " + v.headHash());
            }
            context.err().println(v.entries() + " entries, head " + v.headHash() + (v.intact() && headOk ? ": intact" : ": NOT intact"));
            return v.intact() && headOk ? CommandContext.OK : CommandContext.FINDINGS;
        }
    }
}
