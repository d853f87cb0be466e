// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Who may unwrap one storage key: every card of the groups the key is wrapped to, and the recovery
 * certificate if the policy escrows it.
 *
 * @param cards  cards (9D certificates) of the authorized groups
 * @param escrow recovery certificate, if the key is escrowed
 */
public record KeyRecipients(List<CardKey> cards, Optional<X509Certificate> escrow) {
}
