#!/usr/bin/python3
# SPDX-License-Identifier: EPL-2.0
"""Independent schema-1 policy blob writer for tests (docs/formats.md section 1).

Stands in for the Java compiler until it exists. Keys are generated per test run
into a temporary directory and never committed.

  mkblob.py keygen DIR                      DIR/key.pem (private), DIR/pub.bin (65-byte SEC1 point)
  mkblob.py blob KEY.pem OUT [--device D] [--serial S] [--counter N] [--loader PATH]
  mkblob.py policy-id BLOB                  prints the policy id (hex) of a blob
  mkblob.py patch-key EFI PUB.bin           writes PUB into the .pppkey section (docs/formats.md 4)
  mkblob.py vectors DIR                     host unit-test corpus + DIR/cases.tsv
"""
import hashlib
import os
import struct
import sys

import cbor2
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

CONTENT_TYPE = "application/vnd.parapet.policy+cbor"
PPPKEY_MAGIC = b"PPPKEY\x00\x00"
PPPKEY_VERSION = 1


def enc(obj):
    """Core deterministic encoding; all maps here have small uint keys, so cbor2's
    canonical order (length first, then bytewise) equals RFC 8949 4.2.1 order."""
    return cbor2.dumps(obj, canonical=True)


def sample_policy(device="dev-0001", serial="PARAPET-SN-0001", counter=5, loader=None, bound=True):
    p = {
        1: 1,
        2: "fleet-test",
        3: device,
        5: counter,
        6: 1700000000,
        8: [{1: 0, 2: "disk-key", 3: 512, 4: 1}, {1: 1, 2: "usb-key", 3: 256, 4: 0}],
        9: [
            {1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 2047, 7: 0},
            {1: 0, 2: 0, 3: 0, 4: 0, 5: 2048, 6: None, 7: 2, 8: 0},
            {1: 2, 2: 0, 3: 1, 5: 0, 6: None, 7: 1, 8: 1},
        ],
        10: {1: [{1: 0x0781, 2: 0x5567, 3: "AB12", 4: 8, 5: [3, 1, 1]}, {4: 8, 5: [1]}], 2: [0]},
        11: {
            1: [[0, 0x8086, 0x100e], [1, 0, 0, 3, 0], [2, 0x0200]],
            2: True,
            3: [{
                1: "gw", 2: [bytes([10, 0, 0, 1]), bytes(16)],
                3: [[0, None, 0, 19], [2, 0, 0, 14]], 4: [[1, None, None], [3, 0, 14]],
                5: [0], 6: "gw.example", 7: [[[bytes([10, 1, 0, 0]), 16], [bytes([0, 0, 0, 0]), 0], 6, 443]],
                8: 86400, 9: 3600, 10: b"\x30\x03\x02\x01\x00",
            }, {
                1: "psk-peer", 2: [bytes([192, 168, 1, 1])], 3: [[1, None, 1, 20]], 4: [[0, None, None]],
                5: [2, "psk-ref"], 7: [[[bytes(4), 0], [bytes(4), 0], 0, 0]], 8: 100, 9: 50,
            }],
            4: [["dhcp", 17, None, 67], ["dns", 17, [bytes([10, 0, 0, 53]), 32], 53]],
        },
        12: {1: 1, 2: True, 3: [[[0, 0x8086, 0x100e], 1], [[2, 0x0c03], 2]]},
        13: {1: [0, 1], 2: 6, 3: 8, 4: 3, 5: [hashlib.sha256(b"anchor").digest()], 6: []},
        14: {1: 2, 2: 1, 3: False, 4: 0},
    }
    if bound:
        p[7] = {1: serial}
    if loader:
        p[14][5] = loader
    return p


def policy_id(p):
    q = {k: v for k, v in p.items() if k != 4}
    return hashlib.sha256(enc(q)).digest()


def finish(p):
    p = dict(p)
    p[4] = policy_id(p)
    return p


def load_key(path):
    with open(path, "rb") as f:
        return serialization.load_pem_private_key(f.read(), None)


def sign1(key, payload_bytes, protected=None, kid=True, sig_hook=None):
    if protected is None:
        protected = enc({1: -7, 3: CONTENT_TYPE})
    tbs = enc(["Signature1", protected, b"", payload_bytes])
    der = key.sign(tbs, ec.ECDSA(hashes.SHA256()))
    r, s = decode_dss_signature(der)
    sig = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    if sig_hook:
        sig = sig_hook(sig)
    unprot = {}
    if kid:
        spki = key.public_key().public_bytes(serialization.Encoding.DER,
                                             serialization.PublicFormat.SubjectPublicKeyInfo)
        unprot[4] = hashlib.sha256(spki).digest()
    return enc(cbor2.CBORTag(18, [protected, unprot, payload_bytes, sig]))


def pub_point(key):
    return key.public_key().public_bytes(serialization.Encoding.X962,
                                         serialization.PublicFormat.UncompressedPoint)


def keygen(d):
    os.makedirs(d, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    with open(os.path.join(d, "key.pem"), "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    with open(os.path.join(d, "pub.bin"), "wb") as f:
        f.write(pub_point(key))


def pe_section(data, name):
    """(file offset, raw size) of a PE section by name."""
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        raise SystemExit("not a PE file")
    nsec = struct.unpack_from("<H", data, pe + 6)[0]
    opt = struct.unpack_from("<H", data, pe + 20)[0]
    sec = pe + 24 + opt
    for i in range(nsec):
        off = sec + 40 * i
        if data[off:off + 8].rstrip(b"\0") == name:
            size, raw = struct.unpack_from("<II", data, off + 16)
            return raw, size
    raise SystemExit("no %s section" % name.decode())


def patch_key(efi, pub):
    with open(pub, "rb") as f:
        point = f.read()
    if len(point) != 65 or point[0] != 4:
        raise SystemExit("public key must be a 65-byte uncompressed P-256 point")
    data = bytearray(open(efi, "rb").read())
    off, size = pe_section(data, b".pppkey")
    if size < 128 or data[off:off + 8] != PPPKEY_MAGIC:
        raise SystemExit(".pppkey section has no Parapet key block")
    if struct.unpack_from("<I", data, off + 8)[0] != PPPKEY_VERSION:
        raise SystemExit(".pppkey block has an unknown version")
    data[off + 12:off + 77] = point
    with open(efi, "wb") as f:
        f.write(data)


def vectors(d):
    """Signed good blob, signed bad blobs and unsigned bad payloads with expected reasons."""
    os.makedirs(d, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    other = ec.generate_private_key(ec.SECP256R1())
    with open(os.path.join(d, "pub.bin"), "wb") as f:
        f.write(pub_point(key))
    with open(os.path.join(d, "other.bin"), "wb") as f:
        f.write(pub_point(other))
    cases = []

    def add(name, blob, expect):
        with open(os.path.join(d, name + ".cose"), "wb") as f:
            f.write(blob)
        cases.append((name, expect))

    good = finish(sample_policy(loader="\\EFI\\debian\\grubx64.efi"))
    good_bytes = enc(good)
    add("good", sign1(key, good_bytes), "OK")
    add("good-unbound", sign1(key, enc(finish(sample_policy(bound=False)))), "OK")
    # An ATA master and slave on one channel may start at the same LBA: the drive is part of the sort key.
    ata_pair = sample_policy()
    ata_pair[9].insert(2, {1: 0, 2: 0, 3: 0, 4: 1, 5: 0, 6: 2047, 7: 0})
    add("good-ata-master-slave", sign1(key, enc(finish(ata_pair))), "OK")
    add("wrong-key", sign1(other, good_bytes), "signature does not verify")
    tampered = bytearray(sign1(key, good_bytes))
    i = tampered.find(b"fleet-test")
    tampered[i] ^= 1
    add("tampered", bytes(tampered), "signature does not verify")
    add("sig-zero-r", sign1(key, good_bytes, sig_hook=lambda s: bytes(32) + s[32:]),
        "signature does not verify")
    n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
    add("sig-r-eq-n", sign1(key, good_bytes, sig_hook=lambda s: n.to_bytes(32, "big") + s[32:]),
        "signature does not verify")
    add("alg-es384", sign1(key, good_bytes, protected=enc({1: -35, 3: CONTENT_TYPE})), "alg is not ES256")
    add("no-ctype", sign1(key, good_bytes, protected=enc({1: -7})), "lacks content type")
    add("wrong-ctype", sign1(key, good_bytes, protected=enc({1: -7, 3: "text/plain"})), "wrong content type")
    add("untagged", enc([enc({1: -7, 3: CONTENT_TYPE}), {}, good_bytes, bytes(64)]), "tag 18")
    add("trailing", sign1(key, good_bytes) + b"\x00", "trailing bytes after COSE_Sign1")

    def bad(name, mutate, expect, raw=None):
        p = sample_policy()
        mutate(p)
        body = raw if raw is not None else enc(finish(p))
        add(name, sign1(key, body), expect)

    bad("schema-2", lambda p: p.__setitem__(1, 2), "unsupported schema version")
    bad("unknown-key", lambda p: p.__setitem__(15, 0), "unknown key in policy")
    bad("missing-settings", lambda p: p.pop(14), "lacks a required key")
    bad("counter-2^32", lambda p: p.__setitem__(5, 1 << 32), "integer out of range")
    bad("key-size", lambda p: p[8][0].__setitem__(3, 128), "neither 256 nor 512")
    bad("slot-index", lambda p: p[8][1].__setitem__(1, 0), "slot differs")
    bad("rule-order", lambda p: p[9].reverse(), "not sorted")
    bad("rule-slot", lambda p: p[9][1].__setitem__(8, 9), "key slot that does not exist")
    bad("rule-plain-slot", lambda p: p[9][0].__setitem__(8, 0), "present iff")
    bad("rule-cipher", lambda p: p[9][1].__setitem__(7, 3), "cipher out of range")
    bad("rule-end", lambda p: p[9][0].__setitem__(6, 0) or p[9][0].__setitem__(5, 5), "ends before")
    bad("usb-vid", lambda p: p[10][1][0].__setitem__(1, 70000), "integer out of range")
    bad("usb-action", lambda p: p[10].__setitem__(2, [4]), "usb action out of range")
    bad("usb-encrypt-plain", lambda p: p[10].__setitem__(2, [3, 0, 0]), "plain cipher")
    bad("pci-form", lambda p: p[11][1].append([3, 1]), "pci-selector form")
    bad("pci-fn", lambda p: p[11][1].__setitem__(1, [1, 0, 0, 3, 8]), "integer out of range")
    bad("ip-len", lambda p: p[11][3][0][2].append(b"\x01\x02\x03"), "neither 4 nor 16")
    bad("dh-group", lambda p: p[11][3][0][3][0].__setitem__(3, 99), "DH group")
    bad("encr", lambda p: p[11][3][0][4][0].__setitem__(0, 6), "encryption algorithm")
    bad("protocol", lambda p: p[11][4][0].__setitem__(1, 7), "IP protocol")
    bad("prefix", lambda p: p[11][4][1][2].__setitem__(1, 33), "prefix length")
    bad("iommu", lambda p: p[12].__setitem__(1, 3), "iommu kind")
    bad("login-empty", lambda p: p[13].__setitem__(1, []), "login without methods")
    bad("login-dup", lambda p: p[13].__setitem__(1, [1, 1]), "listed twice")
    bad("pin-range", lambda p: p[13].__setitem__(2, 9), "PIN minimum")
    bad("anchor-len", lambda p: p[13][5].append(b"x" * 31), "wrong length")
    bad("log-level", lambda p: p[14].__setitem__(1, 4), "log level")
    bad("console", lambda p: p[14].__setitem__(2, 3), "console out of range")
    bad("bool-type", lambda p: p[14].__setitem__(3, 1), "expected bool")
    bad("utf8", lambda p: None, "not valid UTF-8",
        raw=enc(finish(sample_policy(device="dev"))).replace(b"cdev", b"c\xc0\xaf\x76"))
    wrong_id = dict(finish(sample_policy()))
    wrong_id[4] = bytes(32)
    bad("policy-id", lambda p: None, "policy id does not match", raw=enc(wrong_id))
    # Non-deterministic encodings of an otherwise valid policy.
    g = enc(good)
    bad("nonshortest", lambda p: None, "non-shortest", raw=g.replace(b"\x05\x05", b"\x05\x18\x05", 1))
    bad("indefinite", lambda p: None, "indefinite",
        raw=bytes([g[0]]) + g[1:].replace(b"\x0d\xa6", b"\x0d\xbf", 1))
    unsorted = g[:1] + b"\x02" + g[1:]
    bad("float", lambda p: None, "floating point", raw=g.replace(b"\x06\x1a", b"\x06\xfa", 1))
    bad("unsorted", lambda p: None, "unsorted", raw=bytes([g[0] + 1]) + g[1:] + b"\x01\x01")
    del unsorted
    bad("trailing-payload", lambda p: None, "trailing bytes after the policy", raw=g + b"\x00")
    bad("huge-array", lambda p: None, "longer than 4096",
        raw=g.replace(b"\x08\x82", b"\x08\x99\x10\x01", 1))
    with open(os.path.join(d, "cases.tsv"), "w") as f:
        for name, expect in cases:
            f.write("%s\t%s\n" % (name, expect))
    with open(os.path.join(d, "good.id"), "w") as f:
        f.write(good[4].hex() + "\n")


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    cmd = argv[1]
    if cmd == "keygen":
        keygen(argv[2])
    elif cmd == "blob":
        import argparse
        ap = argparse.ArgumentParser()
        ap.add_argument("key")
        ap.add_argument("out")
        ap.add_argument("--device", default="dev-0001")
        ap.add_argument("--serial", default="PARAPET-SN-0001")
        ap.add_argument("--counter", type=int, default=5)
        ap.add_argument("--loader")
        ap.add_argument("--unbound", action="store_true")
        a = ap.parse_args(argv[2:])
        p = finish(sample_policy(a.device, a.serial, a.counter, a.loader, not a.unbound))
        with open(a.out, "wb") as f:
            f.write(sign1(load_key(a.key), enc(p)))
        print(p[4].hex())
    elif cmd == "policy-id":
        blob = cbor2.loads(open(argv[2], "rb").read())
        print(cbor2.loads(blob.value[2])[4].hex())
    elif cmd == "patch-key":
        patch_key(argv[2], argv[3])
    elif cmd == "vectors":
        vectors(argv[2])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
