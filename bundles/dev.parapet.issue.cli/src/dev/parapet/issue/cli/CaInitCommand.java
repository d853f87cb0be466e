// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import dev.parapet.issue.CertificateAuthority;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parapet ca init}: create the station's CA, master management key and audit key. */
@Command(name = "init", description = "Create the CA (ca.p12), the master management key (master.p12) and the station audit key.")
final class CaInitCommand extends VerbCommand {

    @Option(names = "--subject", required = true, paramLabel = "DN", description = "CA name, e.g. \"CN=Example Card CA,O=Example\"")
    String subject;

    CaInitCommand(CommandContext context) {
        super(context);
    }

    @Override
    int run() throws Exception {
        var st = station.station(context);
        CertificateAuthority ca = st.initialize(subject, station.actor(), context.secrets());
        context.out().println("CA " + ca.certificate().getSubjectX500Principal().getName() + " created in " + st.folder());
        return CommandContext.OK;
    }
}
