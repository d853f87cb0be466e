// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.keys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A PKCS#11 URI (RFC 7512) naming the policy signing key. Path attributes select the token and
 * object ({@code token}, {@code slot-id}, {@code object}, {@code type=private}); the query attribute
 * {@code module-path} selects the library. A PIN in the URI ({@code pin-value}, {@code pin-source}) is
 * refused: PINs come from a prompt, an environment variable or a file. Every other attribute is
 * refused too, since ignoring it would silently widen the key selection (fail closed).
 */
public final class Pkcs11Uri {

	/** RFC 7512 attributes this key source enforces; any other would be a constraint silently ignored. */
	private static final Set<String> PATH_ATTRIBUTES = Set.of("token", "object", "type", "slot-id");
	private static final Set<String> QUERY_ATTRIBUTES = Set.of("module-path", "pin-source");

	private final String text;
	private final Map<String, String> path;
	private final Map<String, String> query;

	private Pkcs11Uri(String text, Map<String, String> path, Map<String, String> query) {
		this.text = text;
		this.path = path;
		this.query = query;
	}

	/** Parses and checks the URI; the message of the exception quotes no attribute values. */
	public static Pkcs11Uri parse(String text) throws KeySourceException {
		if (!text.startsWith("pkcs11:")) {
			throw new KeySourceException("Not a PKCS#11 URI (must start with pkcs11:)");
		}
		String rest = text.substring("pkcs11:".length());
		int question = rest.indexOf('?');
		String pathPart = question < 0 ? rest : rest.substring(0, question);
		String queryPart = question < 0 ? "" : rest.substring(question + 1);
		Map<String, String> path = attributes(pathPart, ";", PATH_ATTRIBUTES, "path");
		Map<String, String> query = attributes(queryPart, "&", QUERY_ATTRIBUTES, "query");
		if (query.containsKey("pin-source")) {
			throw new KeySourceException("PKCS#11 URI attribute pin-source is not supported: use --pin-env or --pin-file");
		}
		if (path.containsKey("type") && !path.get("type").equals("private")) {
			throw new KeySourceException("PKCS#11 URI must name a private key (type=private)");
		}
		if (!path.containsKey("object")) {
			// SunPKCS11 names key store entries by CKA_LABEL, so the label is what selects the key
			throw new KeySourceException("PKCS#11 URI must name the key by its label (object=)");
		}
		if (path.containsKey("slot-id") && !path.get("slot-id").matches("\\d{1,19}")) {
			throw new KeySourceException("PKCS#11 URI slot-id is not a decimal number");
		}
		return new Pkcs11Uri(text, path, query);
	}

	private static Map<String, String> attributes(String part, String separator, Set<String> known, String where)
			throws KeySourceException {
		Map<String, String> attributes = new TreeMap<>();
		if (part.isEmpty()) {
			return attributes;
		}
		for (String pair : part.split(separator, -1)) {
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				throw new KeySourceException("PKCS#11 URI " + where + " attribute without a name or value");
			}
			String name = pair.substring(0, equals);
			if (name.equals("pin-value")) {
				throw new KeySourceException("PKCS#11 URI must not carry the PIN (pin-value); use --pin-env or --pin-file");
			}
			if (!known.contains(name)) {
				throw new KeySourceException("PKCS#11 URI " + where + " attribute " + name
						+ " is not supported (supported: token, object, type, slot-id; ?module-path)");
			}
			if (attributes.put(name, percentDecode(pair.substring(equals + 1))) != null) {
				throw new KeySourceException("PKCS#11 URI attribute " + name + " given twice");
			}
		}
		return attributes;
	}

	private static String percentDecode(String value) throws KeySourceException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%') {
				try {
					out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
				} catch (NumberFormatException | StringIndexOutOfBoundsException e) {
					throw new KeySourceException("Bad percent-encoding in PKCS#11 URI");
				}
				i += 2;
			} else {
				out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	public Optional<String> attribute(String name) {
		return Optional.ofNullable(path.get(name));
	}

	public Optional<String> queryAttribute(String name) {
		return Optional.ofNullable(query.get(name));
	}

	@Override
	public String toString() {
		return text;
	}
}
