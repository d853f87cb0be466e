// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

/** A card profile file is invalid; the message names file, line and field. */
public final class ProfileException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message "file:line: field 'x': problem" */
    public ProfileException(String message) {
        super(message);
    }
}
