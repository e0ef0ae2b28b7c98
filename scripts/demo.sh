#!/usr/bin/env bash
# The Slotwise demo: a simulated 3-primary, 3-replica cluster inside one JVM, and the Slotwise client working against
# it (routing, cross-slot MGET, a slot moved under load). Needs only a JDK 17 and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -q -pl integration-tests -am test-compile exec:exec
