// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.schema;

/** A payload that does not follow schema 1; the message names the path of the offending field. */
public final class SchemaException extends Exception {

	private static final long serialVersionUID = 1L;

	public SchemaException(String path, String reason) {
		super(path + ": " + reason);
	}
}
