// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

/** A card operation stopped. The registry is consistent: the operation is recorded as failed or rolled back. */
public final class IssueException extends Exception {

    private static final long serialVersionUID = 1L;
    private final long operation;
    private final boolean resumable;

    /**
     * @param message what happened (no secrets)
     * @param operation the registry operation id, or 0 when none was started
     * @param resumable whether {@code parapet card issue --resume} can continue it
     */
    public IssueException(String message, long operation, boolean resumable, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.resumable = resumable;
    }

    /** @return the registry operation id, 0 if none */
    public long operation() {
        return operation;
    }

    /** @return whether the operation can be resumed with the same card */
    public boolean resumable() {
        return resumable;
    }
}
