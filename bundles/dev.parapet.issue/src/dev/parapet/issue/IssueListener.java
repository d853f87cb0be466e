// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

/** Progress of a card operation, for a progress bar or terminal output. */
@FunctionalInterface
public interface IssueListener {

    /** Listener that ignores progress. */
    IssueListener NONE = (step, done, total) -> {
    };

    /**
     * @param step what is being done now ("generating 9a key")
     * @param done steps finished
     * @param total steps in all
     */
    void progress(String step, int done, int total);
}
