#!/usr/bin/env bash
# Runs the JMH benchmarks (Slotwise, Lettuce and Jedis side by side) and prints Slotwise's throughput as ratios.
# Usage: ./scripts/bench.sh [JMH include regex]   e.g. ./scripts/bench.sh SlotHash
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -q -pl benchmarks -am test-compile exec:exec -Dbench.include="${1:-.*}"
