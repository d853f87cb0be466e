// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry;

/**
 * A person who holds cards.
 *
 * @param id stable identifier (for example an employee number)
 * @param name display name (certificate common name)
 * @param email e-mail address, may be empty
 */
public record Holder(String id, String name, String email) {
}
