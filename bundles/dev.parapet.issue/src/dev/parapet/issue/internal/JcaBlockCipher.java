// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.internal;

import java.security.GeneralSecurityException;
import java.security.Provider;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DataLengthException;

/**
 * AES encryption by a JCA provider (a PKCS#11 token) seen as a BouncyCastle block cipher, so that
 * BouncyCastle's CMAC runs with a key that never leaves the token. SunPKCS11 offers AES/ECB but no AES-CMAC.
 * The key is fixed at construction; {@link #init} parameters are ignored.
 */
public final class JcaBlockCipher implements BlockCipher {

    private final Cipher cipher;

    /**
     * @param key AES key (on the token)
     * @param provider the token's provider
     */
    public JcaBlockCipher(SecretKey key, Provider provider) throws GeneralSecurityException {
        cipher = Cipher.getInstance("AES/ECB/NoPadding", provider);
        cipher.init(Cipher.ENCRYPT_MODE, key);
    }

    @Override
    public void init(boolean forEncryption, CipherParameters params) {
        if (!forEncryption) {
            throw new IllegalArgumentException("only encryption is used by CMAC");
        }
    }

    @Override
    public String getAlgorithmName() {
        return "AES";
    }

    @Override
    public int getBlockSize() {
        return 16;
    }

    @Override
    public int processBlock(byte[] in, int inOff, byte[] out, int outOff) {
        try {
            return cipher.doFinal(in, inOff, 16, out, outOff);
        } catch (GeneralSecurityException e) {
            throw new DataLengthException("token AES operation failed: " + e.getMessage());
        }
    }

    @Override
    public void reset() {
        // ECB without padding keeps no state between blocks
    }
}
