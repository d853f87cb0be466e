#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Installs the Debian packages a target needs when they are missing and we are root;
# otherwise only reports what is missing. Usage: deps.sh PACKAGE...
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
	echo "deps: missing Debian packages:$missing (run as root or install them)" >&2
	exit 1
fi
