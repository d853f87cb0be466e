// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

/** What a slot's certificate is for; decides key usage and extended key usage (SP 800-73-4, RFC 5280). */
public enum CertificateTemplate {
    /** 9A: client authentication and smart-card logon. */
    AUTHENTICATION("authentication"),
    /** 9C: digital signature (non-repudiation) and e-mail protection. */
    SIGNATURE("signature"),
    /** 9D: key agreement (ECDH) or key encipherment (RSA): what image baking wraps storage keys to. */
    KEY_MANAGEMENT("key-management"),
    /** 9E: card authentication (id-PIV-cardAuth). */
    CARD_AUTHENTICATION("card-authentication");

    private final String label;

    CertificateTemplate(String label) {
        this.label = label;
    }

    /** @return the name used in profiles */
    public String label() {
        return label;
    }

    /** @param label profile name @return the template, or null */
    public static CertificateTemplate fromLabel(String label) {
        for (CertificateTemplate t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        return null;
    }
}
