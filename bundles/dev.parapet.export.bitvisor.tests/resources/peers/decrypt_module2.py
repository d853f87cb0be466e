#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Decrypts a BitVisor module2.bin with python3-cryptography, as uefi-loader-login does.

usage: decrypt_module2.py MODULE2 PASSPHRASE_FILE OUT
8-byte salt, then AES-256-CBC; key || IV = PBKDF2-HMAC-SHA1(passphrase, salt, 1024, 48 bytes).
"""
import sys

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

data = open(sys.argv[1], "rb").read()
passphrase = open(sys.argv[2], "rb").read().split(b"\n")[0]
salt, body = data[:8], data[8:]
key_iv = PBKDF2HMAC(algorithm=hashes.SHA1(), length=48, salt=salt, iterations=1024).derive(passphrase)
decryptor = Cipher(algorithms.AES(key_iv[:32]), modes.CBC(key_iv[32:])).decryptor()
open(sys.argv[3], "wb").write(decryptor.update(body) + decryptor.finalize())
