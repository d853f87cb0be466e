// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

/** The registry could not be read or written, or a request contradicts its state. */
public final class RegistryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what failed */
    public RegistryException(String message) {
        super(message);
    }

    /** @param message what failed; @param cause the database error */
    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
