#!/usr/bin/env bash
# Installs the Debian services the integration and end-to-end tests run against:
# Prometheus and its node exporter (test/integration/prometheus-bridge.test.ts,
# test/e2e/prometheus-wall.spec.ts). Idempotent: does nothing when both binaries
# are already there. Called by .ci/run; run it by hand (as root) on a fresh machine.
set -euo pipefail

need=()
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v prometheus-node-exporter >/dev/null 2>&1 || need+=(prometheus-node-exporter)

if [ "${#need[@]}" -eq 0 ]; then
  echo "ci-services: prometheus and prometheus-node-exporter already installed, nothing to do"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ci-services: installing ${need[*]} needs root (apt-get); run: sudo $0" >&2
  exit 1
fi

echo "ci-services: installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# --no-install-recommends: the tests start their own instances, no extras needed.
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "ci-services: installed $(prometheus --version 2>&1 | head -n 1)"
echo "ci-services: installed $(prometheus-node-exporter --version 2>&1 | head -n 1)"
