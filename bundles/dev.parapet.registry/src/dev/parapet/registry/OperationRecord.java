// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

/**
 * A multi-step card operation (issue, renew, replace, reset ...) with the last step reached.
 *
 * @param id operation id
 * @param cardGuid the card
 * @param kind operation kind
 * @param state RUNNING, COMPLETED, FAILED or ROLLED_BACK
 * @param step last step reached
 * @param detail why it stopped, for failed operations (no secrets)
 */
public record OperationRecord(long id, String cardGuid, String kind, String state, String step, String detail) {

    /** @return whether the operation stopped before completing and was not rolled back */
    public boolean unfinished() {
        return state.equals("RUNNING") || state.equals("FAILED");
    }
}
