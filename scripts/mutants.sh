#!/usr/bin/env bash
# The verifier's regression suite: every faulty variant of the shipped mechanisms must be killed by
# the search at its stated bound, no harmless variant flagged (src/test/java/org/mechcheck/mutants/).
# Prints one line per variant and the kill rate. Usage: scripts/mutants.sh [all|quick] [seconds-per-variant]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null
cp="$(cat "$cpfile")"
java -Xss16m -cp "target/test-classes:target/classes:$cp" org.mechcheck.mutants.MutantSuite "${1:-all}" "${2:-300}"
