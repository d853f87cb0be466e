#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Writes the Sig_structure and the DER signature of a blob for `openssl dgst -verify`.

usage: raw_to_der.py BLOB TBS_OUT SIG_DER_OUT
"""
import sys

import cbor2
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

blob = cbor2.loads(open(sys.argv[1], "rb").read())
protected, _, payload, signature = blob.value
open(sys.argv[2], "wb").write(cbor2.dumps(["Signature1", protected, b"", payload]))
open(sys.argv[3], "wb").write(encode_dss_signature(int.from_bytes(signature[:32], "big"),
                                                   int.from_bytes(signature[32:], "big")))
