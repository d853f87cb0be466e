// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

/**
 * Supplies station secrets (key store passwords, token PINs) by name: from the environment, a file or a
 * prompt, never from the command line. Returned arrays belong to the caller, who wipes them.
 */
@FunctionalInterface
public interface SecretSource {

    /**
     * @param name stable name, also the environment variable consulted first (e.g. PARAPET_CA_PASSWORD)
     * @param prompt what to ask when prompting
     * @return the secret
     */
    char[] secret(String name, String prompt);
}
