#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Independent check of a Parapet policy blob with Debian's python3-cbor2 and python3-cryptography.

usage: verify_blob.py BLOB CERT.pem
Decodes the COSE_Sign1 (tag 18) with cbor2, rebuilds the Sig_structure with cbor2, verifies the
ES256 signature (r || s) against the certificate's public key, recomputes the policy id (SHA-256 of
the canonical payload without key 4) and prints a JSON summary. Exit 0 valid, 1 invalid.
"""
import hashlib
import json
import sys

import cbor2
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def fail(reason):
    print(json.dumps({"valid": False, "reason": reason}))
    sys.exit(1)


def main(blob_path, cert_path):
    blob = open(blob_path, "rb").read()
    try:
        outer = cbor2.loads(blob)
    except Exception as e:  # noqa: BLE001 - any decoder error means invalid
        fail("cbor2 cannot decode: %s" % e)
    if not isinstance(outer, cbor2.CBORTag) or outer.tag != 18:
        fail("not tag 18")
    if not isinstance(outer.value, list) or len(outer.value) != 4:
        fail("not an array of 4")
    protected, unprotected, payload, signature = outer.value
    header = cbor2.loads(protected)
    if header != {1: -7, 3: "application/vnd.parapet.policy+cbor"}:
        fail("unexpected protected header %r" % header)
    if len(signature) != 64:
        fail("signature length %d" % len(signature))
    sig_structure = cbor2.dumps(["Signature1", protected, b"", payload])
    cert = x509.load_pem_x509_certificate(open(cert_path, "rb").read())
    r = int.from_bytes(signature[:32], "big")
    s = int.from_bytes(signature[32:], "big")
    try:
        cert.public_key().verify(encode_dss_signature(r, s), sig_structure, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        fail("signature does not verify")
    policy = cbor2.loads(payload)
    if cbor2.dumps(policy, canonical=True) != payload:
        fail("payload is not in canonical encoding")
    rest = {k: v for k, v in policy.items() if k != 4}
    policy_id = hashlib.sha256(cbor2.dumps(rest, canonical=True)).digest()
    if policy_id != policy[4]:
        fail("policy id mismatch")
    spki = cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    print(json.dumps({
        "valid": True,
        "kid_matches": unprotected.get(4) == hashlib.sha256(spki).digest(),
        "schema": policy[1],
        "fleet": policy[2],
        "device": policy[3],
        "policy_id": policy_id.hex(),
        "rollback_counter": policy[5],
        "created": policy[6],
        "storage_rules": len(policy[9]),
        "keys": sorted(policy.keys()),
    }, sort_keys=True))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2])
