// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.SecretKey;

/**
 * Where the CA key, the master management key and the station's audit key live: a PKCS#12 file or a
 * PKCS#11 token (through the JDK's SunPKCS11 provider, tested with softhsm2). Passwords and PINs are
 * taken as char arrays and wiped after use.
 */
public final class KeySource {

    private final KeyStore store;
    private final char[] entryPassword;
    private final Optional<Provider> provider;
    private final String description;

    private KeySource(KeyStore store, char[] entryPassword, Optional<Provider> provider, String description) {
        this.store = store;
        this.entryPassword = entryPassword;
        this.provider = provider;
        this.description = description;
    }

    /**
     * Opens a PKCS#12 file.
     *
     * @param password the file password; kept for entry access until {@link #close()}, then wiped
     */
    public static KeySource pkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                throw new GeneralSecurityException("wrong password for " + file);
            }
            throw e;
        }
        return new KeySource(ks, password.clone(), Optional.empty(), "PKCS#12 " + file);
    }

    /**
     * Opens a PKCS#11 token.
     *
     * @param library the PKCS#11 module (for example /usr/lib/softhsm/libsofthsm2.so)
     * @param slotListIndex index of the token's slot in the module's slot list
     * @param pin user PIN; wiped after login
     */
    public static KeySource pkcs11(Path library, int slotListIndex, char[] pin) throws GeneralSecurityException,
            IOException {
        return pkcs11(library, "slotListIndex=" + slotListIndex, "slot index " + slotListIndex, pin);
    }

    private static KeySource pkcs11(Path library, String selector, String what, char[] pin)
            throws GeneralSecurityException, IOException {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new GeneralSecurityException("the JDK's SunPKCS11 provider is not available");
        }
        String config = "--name=parapet-" + selector.replace('=', '-') + "\nlibrary=" + library.toAbsolutePath() + "\n"
                + selector + "\n";
        Provider p = base.configure(config);
        KeyStore ks = KeyStore.getInstance("PKCS11", p);
        try {
            ks.load(null, pin);
        } finally {
            Arrays.fill(pin, '\0');
        }
        return new KeySource(ks, null, Optional.of(p), "PKCS#11 " + library + " " + what);
    }

    /**
     * Opens a PKCS#11 token by slot id (as softhsm2-util reports it).
     *
     * @param pin user PIN; wiped after login
     */
    public static KeySource pkcs11Slot(Path library, long slot, char[] pin) throws GeneralSecurityException, IOException {
        return pkcs11(library, "slot=" + slot, "slot " + slot, pin);
    }

    /** @return the provider of the token's keys (empty for PKCS#12: software keys) */
    public Optional<Provider> provider() {
        return provider;
    }

    /** @return the private key under {@code alias} */
    public PrivateKey privateKey(String alias) throws GeneralSecurityException {
        Key k = store.getKey(alias, entryPassword);
        if (!(k instanceof PrivateKey pk)) {
            throw new GeneralSecurityException("no private key \"" + alias + "\" in " + description);
        }
        return pk;
    }

    /** @return the certificate under {@code alias} */
    public X509Certificate certificate(String alias) throws GeneralSecurityException {
        if (!(store.getCertificate(alias) instanceof X509Certificate c)) {
            throw new GeneralSecurityException("no certificate \"" + alias + "\" in " + description);
        }
        return c;
    }

    /** @return the secret key under {@code alias} */
    public SecretKey secretKey(String alias) throws GeneralSecurityException {
        Key k = store.getKey(alias, entryPassword);
        if (!(k instanceof SecretKey sk)) {
            throw new GeneralSecurityException("no secret key \"" + alias + "\" in " + description);
        }
        return sk;
    }

    @Override
    public String toString() {
        return description;
    }

    /** Wipes the kept password. */
    public void close() {
        if (entryPassword != null) {
            Arrays.fill(entryPassword, '\0');
        }
    }
}
