#!/usr/bin/python3
# SPDX-License-Identifier: EPL-2.0
"""Turns the mkblob.py test vectors into libFuzzer seeds (selector byte + data)."""
import glob
import os
import sys

import cbor2

src, dst = sys.argv[1], sys.argv[2]
for path in glob.glob(os.path.join(src, "*.cose")):
    name = os.path.basename(path)[:-5]
    blob = open(path, "rb").read()
    open(os.path.join(dst, name + ".blob"), "wb").write(b"\x01" + blob)
    try:
        payload = cbor2.loads(blob).value[2]
        open(os.path.join(dst, name + ".payload"), "wb").write(b"\x00" + payload)
    except Exception:
        pass
