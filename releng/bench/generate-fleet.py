#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Writes a synthetic fleet for the `parapet check` benchmark: the ACME example's header, people,
keys, hardware and profiles, plus DEVICES devices spread over FILES device files.

usage: generate-fleet.py OUT_DIR [DEVICES=10000] [FILES=100]
The fleet checks clean, so the benchmark measures a full load, link and validation."""
import os
import shutil
import sys

here = os.path.dirname(os.path.abspath(__file__))
example = os.path.normpath(os.path.join(here, "..", "..", "examples", "acme-fleet"))
out = sys.argv[1]
devices = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
files = int(sys.argv[3]) if len(sys.argv) > 3 else 100
profiles = ["office-laptop", "hr-laptop", "field-laptop", "lab-desktop"]

if os.path.exists(out):
    shutil.rmtree(out)
shutil.copytree(example, out, ignore=shutil.ignore_patterns("devices"))
os.makedirs(os.path.join(out, "devices"))
per_file = (devices + files - 1) // files
n = 0
for f in range(files):
    with open(os.path.join(out, "devices", "batch-%03d.parapet" % f), "w") as w:
        w.write("// SPDX-License-Identifier: EPL-2.0\nimport \"../profiles.parapet\"\nimport \"../keys.parapet\"\n")
        for _ in range(per_file):
            if n >= devices:
                break
            profile = profiles[n % len(profiles)]
            w.write("\n/** Synthetic device %d. */\ndevice dev-%05d extends %s {\n\tserial \"SN%08d\"\n" % (n, n, profile, n))
            if profile == "lab-desktop" and n % 8 == 3:
                w.write("\tstorage {\n\t\tdisk archive-2 ata 0 channel 0 slave whole encrypt aes-xts-128 key desktop-archive\n\t}\n")
            if profile == "office-laptop" and n % 8 == 0:
                w.write("\tusb {\n\t\tmatch installer-stick vendor \"0781\" product \"5591\" read-only\n\t}\n")
            w.write("}\n")
            n += 1
