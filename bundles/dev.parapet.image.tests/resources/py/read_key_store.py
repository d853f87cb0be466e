#!/usr/bin/python3
# SPDX-License-Identifier: EPL-2.0
"""Independent reader of a storage-key store (docs/formats.md section 5) for tests.

  read_key_store.py STORE.ppks MASTER_KEY_HEX

Verifies the key check, every entry and the seal with python3-cryptography's AESGCM and prints
one line per entry: <fleet> <device> <key id> <generation> <bits> <storage key hex>.
Exits 1 naming the first thing that does not verify.
"""
import hashlib
import struct
import sys

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

LABEL = b"parapet-key-store-v1/"


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, n, what):
        if self.pos + n > len(self.data):
            sys.exit("truncated at %d: %s" % (self.pos, what))
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b


def main():
    data = open(sys.argv[1], "rb").read()
    gcm = AESGCM(bytes.fromhex(sys.argv[2]))
    r = Reader(data)
    assert r.take(8, "magic") == b"PPKSTORE", "bad magic"
    assert struct.unpack(">H", r.take(2, "version"))[0] == 1, "bad version"
    store_id = r.take(16, "store id")
    nonce, tag = r.take(12, "check nonce"), r.take(16, "check tag")
    try:
        gcm.decrypt(nonce, tag, LABEL + b"check" + store_id)
    except InvalidTag:
        sys.exit("key check does not verify")
    (count,) = struct.unpack(">I", r.take(4, "count"))
    for i in range(count):
        start = r.pos
        names = []
        for what in ("fleet", "device", "key id"):
            (n,) = struct.unpack(">H", r.take(2, what))
            names.append(r.take(n, what).decode())
        generation, bits = struct.unpack(">QH", r.take(10, "generation, bits"))
        identity = data[start:r.pos]
        nonce = r.take(12, "nonce")
        sealed = r.take(bits // 8 + 16, "sealed key")
        try:
            key = gcm.decrypt(nonce, sealed, LABEL + b"entry" + store_id + struct.pack(">I", i) + identity)
        except InvalidTag:
            sys.exit("entry %d does not verify" % i)
        print(*names, generation, bits, key.hex())
    body = data[:r.pos]
    nonce, tag = r.take(12, "seal nonce"), r.take(16, "seal tag")
    assert r.pos == len(data), "bytes after the seal"
    try:
        gcm.decrypt(nonce, tag, LABEL + b"seal" + hashlib.sha256(body).digest())
    except InvalidTag:
        sys.exit("seal does not verify")


if __name__ == "__main__":
    main()
