// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs independent tools (openssl ...) and returns their output (test only). */
final class Peers {

    /** Output and exit code. */
    record Result(int exit, String output) {
    }

    private Peers() {
    }

    static void require(String tool) {
        boolean found = List.of("/usr/bin/", "/usr/local/bin/", "/bin/").stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d + tool)));
        assumeTrue(found, tool + " not installed: independent check skipped");
    }

    static Result run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " timed out");
        }
        return new Result(p.exitValue(), out);
    }
}
