// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import java.nio.file.Path;
import java.time.Duration;

import dev.parapet.issue.CrlPublisher;
import dev.parapet.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parapet ca crl}: issue a CRL over every revoked certificate. */
@Command(name = "crl", description = "Issue a CRL over every revoked certificate and write it to a folder.")
final class CaCrlCommand extends VerbCommand {

    @Option(names = "--out", paramLabel = "DIR", description = "folder for parapet-ca.crl (default: .parapet/crl)")
    Path out;

    @Option(names = "--next-update-days", paramLabel = "DAYS", description = "days until the next CRL is due (default 7)")
    int days = 7;

    CaCrlCommand(CommandContext context) {
        super(context);
    }

    @Override
    int run() throws Exception {
        var st = station.station(context);
        try (Registry registry = station.open(context)) {
            Path folder = out == null ? st.folder().resolve("crl") : context.workingDirectory().resolve(out);
            Path crl = new CrlPublisher(registry, station.ca(context))
                    .publishCrl(folder, Duration.ofDays(days));
            context.out().println(crl);
        }
        return CommandContext.OK;
    }
}
