// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

import dev.parapet.issue.PinSource;
import dev.parapet.issue.SecretSource;

/**
 * Streams and working directory of one run, plus secret entry: environment variables (for scripts and CI),
 * otherwise the terminal without echo. Secrets never come from the command line.
 *
 * @param in standard input
 * @param out results
 * @param err messages
 * @param workingDirectory relative paths resolve against it
 * @param secrets station secrets
 * @param pins the holder's PIN and PUK entry
 */
public record CommandContext(InputStream in, PrintStream out, PrintStream err, Path workingDirectory,
        SecretSource secrets, PinSource pins) {

    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: findings (audit problems, refused operation on a card). */
    public static final int FINDINGS = 1;
    /** Exit code: usage or I/O error. */
    public static final int USAGE_OR_IO = 2;

    /** A context with secrets from the environment or the terminal ({@link #environmentSecrets()}, {@link #terminalPins()}). */
    public static CommandContext of(InputStream in, PrintStream out, PrintStream err, Path workingDirectory) {
        return new CommandContext(in, out, err, workingDirectory, environmentSecrets(), terminalPins());
    }

    /** @return station secrets: environment variable of the same name, else a prompt */
    public static SecretSource environmentSecrets() {
        return (name, prompt) -> {
            String v = System.getenv(name);
            if (v != null && !v.isEmpty()) {
                return v.toCharArray();
            }
            Console c = System.console();
            if (c == null) {
                throw new IllegalStateException("no terminal to ask for the " + prompt + "; set " + name);
            }
            return c.readPassword("%s: ", prompt);
        };
    }

    /**
     * The holder's PIN and PUK: typed twice on the terminal, or PARAPET_NEW_PIN / PARAPET_NEW_PUK /
     * PARAPET_PIN / PARAPET_PUK when there is no terminal (scripted test stations).
     */
    public static PinSource terminalPins() {
        return new PinSource() {
            @Override
            public char[] newSecret(String purpose, int min, int max) {
                String env = purpose.contains("PUK") ? "PARAPET_NEW_PUK" : "PARAPET_NEW_PIN";
                Console c = System.console();
                if (c == null) {
                    return fromEnv(env, purpose);
                }
                while (true) {
                    char[] a = c.readPassword("%s (%d to %d characters): ", purpose, min, max);
                    char[] b = c.readPassword("again: ");
                    boolean same = Arrays.equals(a, b);
                    Arrays.fill(b, '\0');
                    if (same && a.length >= min && a.length <= max) {
                        return a;
                    }
                    Arrays.fill(a, '\0');
                    c.printf("%s%n", same ? "wrong length, try again" : "the two entries differ, try again");
                }
            }

            @Override
            public char[] existingSecret(String purpose) {
                Console c = System.console();
                if (c == null) {
                    return fromEnv(purpose.contains("PUK") ? "PARAPET_PUK" : "PARAPET_PIN", purpose);
                }
                return c.readPassword("%s: ", purpose);
            }
        };
    }

    private static char[] fromEnv(String name, String purpose) {
        String v = System.getenv(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalStateException("no terminal to ask for the " + purpose + "; set " + name);
        }
        return v.toCharArray();
    }
}
