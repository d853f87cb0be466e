// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

/**
 * Where PINs and PUKs come from: the holder typing in a dialog or terminal (never stored, never logged).
 * Every returned array belongs to the caller, who wipes it.
 */
public interface PinSource {

    /**
     * @param purpose what the value is for ("new PIN for Ada Lovelace")
     * @param minLength shortest allowed
     * @param maxLength longest allowed
     * @return the value typed (confirmed by typing twice where the implementation can)
     */
    char[] newSecret(String purpose, int minLength, int maxLength);

    /** @param purpose what is asked ("current PUK") @return the value typed */
    char[] existingSecret(String purpose);
}
