#!/usr/bin/python3
# SPDX-License-Identifier: EPL-2.0
"""Independent schema-1 policy blob writer for image tests (docs/formats.md section 1).

  mkblob.py KEY.pem OUT FLEET DEVICE COUNTER

Writes a COSE_Sign1 (ES256) policy for DEVICE with two storage keys, disk-key (xts-256, generation 1)
and usb-key (xts-128, generation 0), signed with the P-256 key in KEY.pem.
"""
import hashlib
import sys

import cbor2
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature


def enc(obj):
    return cbor2.dumps(obj, canonical=True)


def main():
    key_file, out, fleet, device, counter = sys.argv[1:6]
    key = serialization.load_pem_private_key(open(key_file, "rb").read(), None)
    p = {
        1: 1, 2: fleet, 3: device, 5: int(counter), 6: 1763769600,
        8: [{1: 0, 2: "disk-key", 3: 512, 4: 1}, {1: 1, 2: "usb-key", 3: 256, 4: 0}],
        9: [{1: 1, 2: 0, 3: 0, 5: 2048, 6: None, 7: 2, 8: 0}],
        10: {1: [{4: 8, 5: [3, 1, 1]}], 2: [0]},
        11: {1: [], 2: False, 3: [], 4: []},
        12: {1: 0, 2: True, 3: []},
        13: {1: [0], 2: 6, 3: 8, 4: 3, 5: [hashlib.sha256(b"anchor").digest()], 6: []},
        14: {1: 2, 2: 1, 3: False, 4: 0},
    }
    p[4] = hashlib.sha256(enc({k: v for k, v in p.items() if k != 4})).digest()
    prot = enc({1: -7, 3: "application/vnd.parapet.policy+cbor"})
    payload = enc(p)
    der = key.sign(enc(["Signature1", prot, b"", payload]), ec.ECDSA(hashes.SHA256()))
    r, s = decode_dss_signature(der)
    sig = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    kid = hashlib.sha256(key.public_key().public_bytes(serialization.Encoding.DER,
                         serialization.PublicFormat.SubjectPublicKeyInfo)).digest()
    with open(out, "wb") as f:
        f.write(cbor2.dumps(cbor2.CBORTag(18, [prot, {4: kid}, payload, sig]), canonical=True))


if __name__ == "__main__":
    main()
