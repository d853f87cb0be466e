#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Prints a flat class path for running dev.parapet.cli.Main from a built work tree without the
# product (as the product's launcher does, `java -cp "plugins/*"`): the bundle jars under
# bundles/*/target plus the newest version of each third-party jar in the local Maven repository.
#   classpath.sh [REPO_ROOT]
set -eu
root=$(readlink -f "${1:-$(dirname "$0")/../../..}")
m2=${MAVEN_REPO:-$HOME/.m2/repository}
cp=""
for b in policy policy.ide compiler export.bitvisor image cli; do
	jar=$(ls "$root/bundles/dev.parapet.$b/target/dev.parapet.$b-"*.jar 2>/dev/null | grep -v -e sources -e tests | head -n 1)
	[ -n "$jar" ] || { echo "classpath: bundles/dev.parapet.$b is not built (./mvnw ... verify)" >&2; exit 2; }
	cp="$cp:$jar"
done
for a in org/eclipse/xtext/org.eclipse.xtext org/eclipse/xtext/org.eclipse.xtext.util org/eclipse/xtext/org.eclipse.xtext.ide \
	org/eclipse/xtext/org.eclipse.xtext.xbase.lib org/eclipse/xtext/org.eclipse.xtend.lib org/eclipse/xtext/org.eclipse.xtend.lib.macro \
	org/eclipse/emf/org.eclipse.emf.ecore org/eclipse/emf/org.eclipse.emf.common org/eclipse/emf/org.eclipse.emf.ecore.xmi \
	org/eclipse/emf/org.eclipse.emf.ecore.change org/eclipse/platform/org.eclipse.equinox.common org/eclipse/platform/org.eclipse.osgi \
	com/google/inject/guice com/google/guava/guava com/google/guava/failureaccess jakarta/inject/jakarta.inject-api \
	ch/qos/reload4j/reload4j org/antlr/antlr-runtime/3.2 aopalliance/aopalliance com/google/code/gson/gson info/picocli/picocli \
	org/bouncycastle/bcprov-jdk18on org/bouncycastle/bcpkix-jdk18on org/bouncycastle/bcutil-jdk18on \
	org/apache/commons/commons-compress commons-io/commons-io org/apache/commons/commons-lang3 \
	org/eclipse/lsp4j/org.eclipse.lsp4j org/eclipse/lsp4j/org.eclipse.lsp4j.jsonrpc; do
	jar=$(find "$m2/$a" -name '*.jar' ! -name '*-sources.jar' ! -name '*-tests.jar' 2>/dev/null | sort -V | tail -n 1)
	[ -n "$jar" ] || { echo "classpath: no $a in $m2" >&2; exit 2; }
	cp="$cp:$jar"
done
echo "${cp#:}"
