#!/bin/busybox sh
# SPDX-License-Identifier: EPL-2.0
# /init for the timing baseline without the hypervisor.
/bin/busybox --install -s /bin
mount -t proc proc /proc
echo "[e2e] /init running, guest uptime $(cut -d' ' -f1 /proc/uptime) s"
echo "[e2e] done"
poweroff -f
