#!/usr/bin/python3
# SPDX-License-Identifier: EPL-2.0
"""Validates a CycloneDX 1.5 JSON BOM against the official schema (unpacked from
org.cyclonedx:cyclonedx-core-java at build time): validate_cyclonedx.py SCHEMA_DIR BOM.json"""
import json, sys, os
import jsonschema
d = sys.argv[1]
store = {}
for name in ("bom-1.5.schema.json", "spdx.schema.json", "jsf-0.82.schema.json"):
    s = json.load(open(os.path.join(d, name)))
    store[s.get("$id", name)] = s
    store[name] = s
bom = store["bom-1.5.schema.json"]
resolver = jsonschema.RefResolver(base_uri=bom["$id"], referrer=bom, store=store)
v = jsonschema.Draft7Validator(bom, resolver=resolver, format_checker=jsonschema.FormatChecker())
errors = sorted(v.iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.path))
for e in errors:
    print("/".join(map(str, e.path)), e.message)
sys.exit(1 if errors else 0)
