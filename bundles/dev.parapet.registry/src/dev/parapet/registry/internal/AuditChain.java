// SPDX-License-Identifier: EPL-2.0
package dev.parapet.registry.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical form and hash of audit entries: SHA-256 over the previous hash (32 bytes) and the fields
 * seq, at, actor, card, action, detail, each as "length:value" so no two entries share an encoding.
 */
public final class AuditChain {

    /** Hash that precedes the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final String[] SECRET_WORDS = { "pin", "puk", "password", "secret", "privatekey", "mgmkey",
        "managementkey" };

    private AuditChain() {
    }

    /** @return the entry hash (hex) */
    public static String hash(String prevHash, long seq, String at, String actor, String card, String action,
            String detail) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(HexFormat.of().parseHex(prevHash));
            for (String field : new String[] { Long.toString(seq), at, actor, card, action, detail }) {
                byte[] b = field.getBytes(StandardCharsets.UTF_8);
                md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
                md.update(b);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Renders details as sorted "key=value" lines, refusing names that suggest a secret and values with
     * line breaks (they would make the rendering ambiguous).
     */
    public static String detail(Map<String, String> detail) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(detail).entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            for (String w : SECRET_WORDS) {
                if (k.contains(w) && !k.endsWith("tries") && !k.endsWith("policy") && !k.endsWith("id")) {
                    throw new IllegalArgumentException("audit detail \"" + e.getKey() + "\" looks like a secret");
                }
            }
            if (e.getValue().contains("\n") || e.getKey().contains("=")) {
                throw new IllegalArgumentException("audit detail \"" + e.getKey() + "\" is not a single line");
            }
            if (s.length() > 0) {
                s.append('\n');
            }
            s.append(e.getKey()).append('=').append(e.getValue());
        }
        return s.toString();
    }
}
