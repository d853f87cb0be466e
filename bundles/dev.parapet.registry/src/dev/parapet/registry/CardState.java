// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

/** Life cycle of a card in the registry. */
public enum CardState {
    /** Issuance started and not finished (card pulled out, error): resumable or to be reset. */
    INCOMPLETE,
    /** Issued and in use. */
    ISSUED,
    /** Temporarily not trusted (certificates on hold). */
    SUSPENDED,
    /** Permanently withdrawn; certificates revoked. */
    REVOKED,
    /** Wiped back to factory state; no longer bound to a holder's keys. */
    RESET
}
