// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.card.piv.ManagementKeyAlgorithm;
import dev.parapet.issue.ManagementKeyDiversifier;

class ManagementKeyDiversifierTest {

    private static final byte[] MASTER = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final UUID GUID = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    private static final byte[] UID = HexFormat.of().parseHex("0A0B0C0D");

    @TempDir
    Path dir;

    @Test
    void derivedKeyEqualsSp800108CounterModeComputedWithOpensslCmac() throws Exception {
        Peers.require("openssl");
        ManagementKeyDiversifier d = new ManagementKeyDiversifier(new SecretKeySpec(MASTER, "AES"), Optional.empty());
        byte[] key = d.derive(ManagementKeyAlgorithm.AES256, GUID, UID);
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 2; i++) {
            ByteBuffer in = ByteBuffer.allocate(1 + 14 + 1 + 16 + 1 + UID.length + 4);
            in.put((byte) i).put("parapet-piv-9b".getBytes()).put((byte) 0)
                    .putLong(GUID.getMostSignificantBits()).putLong(GUID.getLeastSignificantBits())
                    .put((byte) 0x0C).put(UID).putInt(256);
            Path f = dir.resolve("in" + i);
            Files.write(f, in.array());
            Peers.Result r = Peers.run(List.of("openssl", "mac", "-cipher", "AES-256-CBC", "-macopt",
                    "hexkey:" + HexFormat.of().formatHex(MASTER), "-in", f.toString(), "CMAC"));
            assertEquals(0, r.exit(), r.output());
            expected.append(r.output().strip());
        }
        assertEquals(expected.toString().toUpperCase(), HexFormat.of().withUpperCase().formatHex(key));
    }

    @Test
    void everyCardGetsItsOwnKey() throws Exception {
        ManagementKeyDiversifier d = new ManagementKeyDiversifier(new SecretKeySpec(MASTER, "AES"), Optional.empty());
        byte[] a = d.derive(ManagementKeyAlgorithm.AES128, GUID, UID);
        byte[] b = d.derive(ManagementKeyAlgorithm.AES128, UUID.randomUUID(), UID);
        assertEquals(16, a.length);
        assertFalse(Arrays.equals(a, b));
        assertEquals(24, d.derive(ManagementKeyAlgorithm.TDES, GUID, UID).length);
    }
}
