// SPDX-License-Identifier: EPL-2.0
package dev.parapet.policy.values;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A PKCS#11 URI (RFC 7512): {@code pkcs11:} followed by path attributes separated by {@code ;} and
 * optional query attributes after {@code ?} separated by {@code &}. Only the attributes RFC 7512
 * defines are accepted; vendor attributes ({@code x-...}) are accepted too.
 *
 * @param path  path attributes in order, values still percent-encoded
 * @param query query attributes in order, values still percent-encoded
 */
public record Pkcs11Uri(Map<String, String> path, Map<String, String> query) {

	/** Path attributes defined by RFC 7512 section 2.3. */
	public static final Set<String> PATH_ATTRIBUTES = Set.of("id", "library-description", "library-manufacturer",
			"library-version", "manufacturer", "model", "object", "serial", "slot-description", "slot-id",
			"slot-manufacturer", "token", "type");
	/** Query attributes defined by RFC 7512 section 2.3. */
	public static final Set<String> QUERY_ATTRIBUTES = Set.of("module-name", "module-path", "pin-source", "pin-value");
	/** Values of the {@code type} attribute. */
	public static final Set<String> TYPES = Set.of("cert", "data", "private", "public", "secret-key");

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
	// RFC 3986 pchar minus ';' '?' '&' '=' as RFC 7512 "p-char"/"q-char", with percent-encoded octets
	private static final Pattern PATH_VALUE = Pattern.compile("([A-Za-z0-9\\-._~:\\[\\]@!$'()*+,]|%[0-9A-Fa-f]{2})*");
	private static final Pattern QUERY_VALUE = Pattern.compile("([A-Za-z0-9\\-._~:\\[\\]@!$'()*+,/?|]|%[0-9A-Fa-f]{2})*");

	public Pkcs11Uri {
		path = Map.copyOf(path);
		query = Map.copyOf(query);
	}

	/**
	 * Parses the URI.
	 *
	 * @return the URI, or a problem description naming what is wrong
	 */
	public static Result parse(String text) {
		if (text == null || !text.startsWith("pkcs11:")) {
			return Result.problem("does not start with pkcs11:");
		}
		String rest = text.substring("pkcs11:".length());
		int question = rest.indexOf('?');
		String pathPart = question < 0 ? rest : rest.substring(0, question);
		String queryPart = question < 0 ? null : rest.substring(question + 1);
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, String> query = new LinkedHashMap<>();
		String problem = attributes(pathPart, ";", PATH_ATTRIBUTES, PATH_VALUE, path);
		if (problem == null && queryPart != null) {
			problem = attributes(queryPart, "&", QUERY_ATTRIBUTES, QUERY_VALUE, query);
		}
		if (problem == null && path.containsKey("type") && !TYPES.contains(path.get("type"))) {
			problem = "type " + path.get("type") + " is not one of " + String.join(", ", new java.util.TreeSet<>(TYPES));
		}
		if (problem == null && query.containsKey("pin-source") && query.containsKey("pin-value")) {
			problem = "pin-source and pin-value exclude each other";
		}
		return problem == null ? new Result(Optional.of(new Pkcs11Uri(path, query)), null) : Result.problem(problem);
	}

	private static String attributes(String part, String separator, Set<String> known, Pattern valueSyntax,
			Map<String, String> into) {
		if (part.isEmpty()) {
			return null;
		}
		for (String attribute : part.split(Pattern.quote(separator), -1)) {
			int equals = attribute.indexOf('=');
			if (equals <= 0) {
				return "attribute '" + attribute + "' is not name=value";
			}
			String name = attribute.substring(0, equals);
			String value = attribute.substring(equals + 1);
			if (!NAME.matcher(name).matches() || !(known.contains(name) || name.startsWith("x-"))) {
				return "unknown attribute " + name;
			}
			if (!valueSyntax.matcher(value).matches()) {
				return "value of " + name + " needs percent-encoding";
			}
			if (into.put(name, value) != null) {
				return "attribute " + name + " is written twice";
			}
		}
		return null;
	}

	/** Whether the URI carries a secret itself (a {@code pin-value}). */
	public boolean carriesSecret() {
		return query.containsKey("pin-value");
	}

	/**
	 * Outcome of {@link Pkcs11Uri#parse(String)}.
	 *
	 * @param uri     the parsed URI, empty on a problem
	 * @param problem what is wrong, {@code null} when the URI is well formed
	 */
	public record Result(Optional<Pkcs11Uri> uri, String problem) {
		static Result problem(String problem) {
			return new Result(Optional.empty(), problem);
		}
	}
}
