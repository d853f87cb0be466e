// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

import dev.parapet.card.piv.ManagementKeyAlgorithm;
import dev.parapet.issue.internal.JcaBlockCipher;

/**
 * Per-card management keys derived from one AES master key with the NIST SP 800-108 KDF in counter mode,
 * PRF = AES-CMAC (SP 800-38B):
 *
 * <pre>K(i) = CMAC(master, [i]_8 || "parapet-piv-9b" || 0x00 || GUID(16) || alg(1) || UID || [L]_32)</pre>
 *
 * concatenated for i = 1, 2 ... and cut to the key length L (bits). A master key in PKCS#11 never leaves
 * the token: the token computes the AES block operations of the CMAC. Derived keys are returned as byte arrays for the caller to wipe;
 * they are never shown, logged or stored.
 */
public final class ManagementKeyDiversifier {

    private static final byte[] LABEL = "parapet-piv-9b".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey master;
    private final Optional<Provider> tokenProvider;

    /**
     * @param master AES master key (128/192/256)
     * @param tokenProvider the PKCS#11 provider when the key lives on a token
     */
    public ManagementKeyDiversifier(SecretKey master, Optional<Provider> tokenProvider) {
        this.master = master;
        this.tokenProvider = tokenProvider;
    }

    /** @return the management key for a card */
    public byte[] derive(ManagementKeyAlgorithm algorithm, UUID cardGuid, byte[] uid) throws GeneralSecurityException {
        int bits = algorithm.keyLength() * 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer guid = ByteBuffer.allocate(16).putLong(cardGuid.getMostSignificantBits())
                .putLong(cardGuid.getLeastSignificantBits());
        for (int i = 1; out.size() < algorithm.keyLength(); i++) {
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            input.write(i);
            input.writeBytes(LABEL);
            input.write(0);
            input.writeBytes(guid.array());
            input.write(algorithm.id());
            input.writeBytes(uid);
            input.writeBytes(ByteBuffer.allocate(4).putInt(bits).array());
            byte[] block = cmac(input.toByteArray());
            out.writeBytes(block);
            Arrays.fill(block, (byte) 0);
        }
        byte[] all = out.toByteArray();
        byte[] key = Arrays.copyOf(all, algorithm.keyLength());
        Arrays.fill(all, (byte) 0);
        return key;
    }

    private byte[] cmac(byte[] input) throws GeneralSecurityException {
        if (tokenProvider.isPresent()) {
            // SunPKCS11 has no AES-CMAC: BouncyCastle's CMAC over the token's AES-ECB, the key stays inside.
            CMac mac = new CMac(new JcaBlockCipher(master, tokenProvider.get()));
            mac.init(new KeyParameter(new byte[16]));
            mac.update(input, 0, input.length);
            byte[] r = new byte[mac.getMacSize()];
            mac.doFinal(r, 0);
            return r;
        }
        byte[] k = master.getEncoded();
        if (k == null) {
            throw new GeneralSecurityException("the master key cannot be used in software and no token provider was given");
        }
        try {
            CMac mac = new CMac(AESEngine.newInstance());
            mac.init(new KeyParameter(k));
            mac.update(input, 0, input.length);
            byte[] r = new byte[mac.getMacSize()];
            mac.doFinal(r, 0);
            return r;
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }
}
