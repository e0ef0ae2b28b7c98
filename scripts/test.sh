#!/usr/bin/env bash
# Runs every Slotwise test: unit tests and integration tests against real redis-server clusters.
# Works on a fresh machine with a JDK 17 and Maven: installs redis-server from Debian packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
  echo "redis-server not found: installing it from Debian packages (apt-get install -y redis-server)"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo_cmd="sudo"
    else
      echo "error: redis-server is missing and this user cannot install packages (not root, no sudo)." >&2
      echo "       install it with: apt-get install -y redis-server" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get -o DPkg::Lock::Timeout=120 update -qq
  $sudo_cmd apt-get -o DPkg::Lock::Timeout=120 install -y -qq redis-server >/dev/null
fi
echo "Using $(redis-server --version)"

stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
status=0
mvn -B verify "$@" || status=$?

# One closing line over the Surefire and Failsafe reports this run wrote.
summary=$(find . \( -path '*/target/surefire-reports/TEST-*.xml' -o -path '*/target/failsafe-reports/TEST-*.xml' \) \
    -newer "$stamp" 2>/dev/null \
  | xargs -r grep -h -o '<testsuite [^>]*>' \
  | awk '{
      for (i = 1; i <= NF; i++) {
        split($i, kv, "=");
        gsub(/[">]/, "", kv[2]);
        if (kv[1] == "tests") t += kv[2];
        else if (kv[1] == "failures") f += kv[2];
        else if (kv[1] == "errors") e += kv[2];
        else if (kv[1] == "skipped") s += kv[2];
      }
    } END { printf "%d passed, %d failed, %d skipped", t - f - e - s, f + e, s }')
# Maven ends its output with colour resets and no newline: start the summary on a line of its own.
echo
echo "Tests: ${summary:-0 passed, 0 failed}"
exit "$status"
