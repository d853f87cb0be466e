#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Copies a fleet written by ../fleet-generator.py and changes PERCENT of its devices (default 1),
for the `parapet diff` benchmark. Deterministic: every device whose number is 7 modulo 100/PERCENT
changes, alternately
  - moved to another profile of the same family (laptop-emea -> laptop-amer ...): every effective
    difference between the two profiles is reported,
  - given a device-level `settings { log debug }` when it has no settings block of its own, else
    its serial changes.
usage: mutate-fleet.py OLD_DIR NEW_DIR [PERCENT]"""
import os
import re
import shutil
import sys

old, new = sys.argv[1], sys.argv[2]
percent = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
step = max(1, round(100 / percent))
if os.path.exists(new):
    shutil.rmtree(new)
shutil.copytree(old, new)
REGIONS = ["base", "emea", "amer", "apac", "north", "south", "east"]
DEVICE = re.compile(r'^device dev-(\d+) extends ([a-z]+)-([a-z]+) \{\n\tserial "([^"]*)"\n', re.M)
changed = 0


def mutate(match):
    global changed
    number, family, region, serial = int(match.group(1)), match.group(2), match.group(3), match.group(4)
    if number % step != 7:
        return match.group(0)
    changed += 1
    if changed % 2 == 1:
        other = REGIONS[(REGIONS.index(region) + 1) % len(REGIONS)]
        return 'device dev-%05d extends %s-%s {\n\tserial "%s"\n' % (number, family, other, serial)
    return match.group(0) + "\tsettings { log debug }\n"


folder = os.path.join(new, "devices")
for name in sorted(os.listdir(folder)):
    path = os.path.join(folder, name)
    text = open(path).read()
    blocks = re.split(r"(?=^device )", text, flags=re.M)
    out = []
    for block in blocks:
        if block.startswith("device ") and "\tsettings {" in block:
            # a block with its own settings: change the serial instead of adding a second block
            m = DEVICE.match(block)
            if m and int(m.group(1)) % step == 7:
                changed_before = changed
                block = DEVICE.sub(mutate, block, count=1)
                if changed % 2 == 0 and changed != changed_before:
                    block = block.replace("\tsettings { log debug }\n", "", 1).replace(
                        'serial "%s"' % m.group(4), 'serial "%s-R"' % m.group(4), 1)
            out.append(block)
        else:
            out.append(DEVICE.sub(mutate, block, count=1))
    open(path, "w").write("".join(out))
print("%s: %d devices changed" % (new, changed))
