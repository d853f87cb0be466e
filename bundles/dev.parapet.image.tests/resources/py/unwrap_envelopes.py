#!/usr/bin/python3
# SPDX-License-Identifier: EPL-2.0
"""Independent reader of envelopes.cbor (docs/formats.md section 2) for tests.

  unwrap_envelopes.py ENVELOPES.cbor FLEET RECIPIENT=KEY.pem[:CERT.pem] ...

RECIPIENT is a card id or "escrow". Prints one line per unwrapped envelope:
  <slot> <key id> <recipient> <storage key hex>
Exits 1 if any envelope addressed to a given recipient fails to unwrap or to match its certificate.
"""
import hashlib
import struct
import sys

import cbor2
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.kdf.x963kdf import X963KDF
from cryptography.hazmat.primitives.keywrap import aes_key_unwrap


def shared_info(fleet, device, key_id, generation, recipient, cert_hash):
    out = b""
    for s in ("parapet-envelope-v1", fleet, device, key_id, recipient):
        u = s.encode()
        out += struct.pack(">H", len(u)) + u
    return out + struct.pack(">I", generation) + cert_hash


def unwrap(priv, cert_hash, eph, wrapped, info):
    peer = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), eph)
    z = priv.exchange(ec.ECDH(), peer)
    kek = X963KDF(algorithm=hashes.SHA256(), length=32, sharedinfo=info).derive(z)
    return aes_key_unwrap(kek, wrapped)


def main():
    data = open(sys.argv[1], "rb").read()
    fleet = sys.argv[2]
    keys = {}
    for arg in sys.argv[3:]:
        name, files = arg.split("=", 1)
        key_file, _, cert_file = files.partition(":")
        priv = serialization.load_pem_private_key(open(key_file, "rb").read(), None)
        cert_hash = None
        if cert_file:
            cert = x509.load_pem_x509_certificate(open(cert_file, "rb").read())
            cert_hash = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).digest()
        keys[name] = (priv, cert_hash)
    top = cbor2.loads(data)
    assert cbor2.dumps(top, canonical=True) == data, "not canonical CBOR"
    assert top[1] == 1 and top[2] == fleet and len(top[4]) == 32
    device = top[3]
    failed = False
    for env in top[5]:
        slot, key_id, gen = env[1], env[2], env[3]
        for r in env[4]:
            card = r[1]
            if card not in keys:
                continue
            priv, cert_hash = keys[card]
            if cert_hash is not None and cert_hash != r[3]:
                print("certificate hash mismatch for", card, file=sys.stderr)
                failed = True
                continue
            k = unwrap(priv, r[3], r[4], r[5], shared_info(fleet, device, key_id, gen, card, r[3]))
            print(slot, key_id, card, k.hex())
        if 5 in env and "escrow" in keys:
            e = env[5]
            priv, cert_hash = keys["escrow"]
            k = unwrap(priv, e[1], e[2], e[3], shared_info(fleet, device, key_id, gen, "escrow", e[1]))
            print(slot, key_id, "escrow", k.hex())
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
