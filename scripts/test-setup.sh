#!/usr/bin/env bash
# First step of `npm test`: every program the tests need from outside
# node_modules must be there. What is missing is installed from Debian when we
# can (root with apt-get); otherwise we fail at once naming the one command to
# run. With everything present it prints one line and costs milliseconds: the
# checks use bash builtins only.
#
# TEST_SETUP_UID pretends another user id (its own test uses it to stand in
# for root or for a user without rights).
set -euo pipefail

# One line per program: command (looked up on PATH) | variable that may point
# at it instead (may be empty) | Debian package | apt-get install options | who needs it.
# Chromium keeps its Recommends (fonts-liberation among them): the layout tests
# measure text, and a Chromium without them has not been proven here.
NEEDS=(
  'chromium|CHROMIUM_PATH|chromium||the end-to-end tests'
  'prometheus|PROMETHEUS_BIN|prometheus|--no-install-recommends|the Prometheus bridge and runbook tests'
  'prometheus-node-exporter|NODE_EXPORTER_BIN|prometheus-node-exporter|--no-install-recommends|the Prometheus bridge tests'
  'postgres||postgresql-15|--no-install-recommends|the Unleash bridge tests'
  'buildbot||buildbot|--no-install-recommends|the Buildbot bridge tests'
  'buildbot-worker||buildbot-worker|--no-install-recommends|the Buildbot bridge tests'
  'git||git|--no-install-recommends|the Buildbot bridge tests'
  'ansible-playbook||ansible-core|--no-install-recommends|the runbook bridge tests'
  'python3||python3|--no-install-recommends|the snapshot format doc test (its Python decoder needs gzip and json, which python3-minimal lacks)'
)
# Debian keeps PostgreSQL's server programs off PATH (PG_BIN_DIR moves them).
PATH="$PATH:${PG_BIN_DIR:-/usr/lib/postgresql/15/bin}"
RERUN='sudo bash scripts/test-setup.sh'

say() { printf 'test-setup: %s\n' "$*"; }
fail() {
  printf 'test-setup: %s\n' "$*" >&2
  exit 1
}

# Prints where a need's program is (its variable if set, else PATH), or nothing.
locate() {
  local command=$1 override=$2
  if [[ -n "$override" && -n "${!override:-}" ]]; then
    if [[ -x "${!override}" ]]; then printf '%s' "${!override}"; fi
  else
    command -v "$command" || true
  fi
}

missing=()  # NEEDS lines whose program is absent
for need in "${NEEDS[@]}"; do
  IFS='|' read -r command override package options purpose <<<"$need"
  if [[ -n "$(locate "$command" "$override")" ]]; then continue; fi
  # A variable pointing at nothing is a mistake apt-get cannot fix.
  if [[ -n "$override" && -n "${!override:-}" ]]; then
    fail "$override=${!override} is not an executable ($command, for $purpose): fix or unset it"
  fi
  missing+=("$need")
done

# Prints field $1 (0: command, 1: variable, 2: package) of the NEEDS lines given.
field() {
  local index=$1 need parts
  shift
  for need in "$@"; do
    IFS='|' read -ra parts <<<"$need"
    if [[ -n "${parts[index]}" ]]; then printf '%s ' "${parts[index]}"; fi
  done
}

if [[ ${#missing[@]} -eq 0 ]]; then
  say "$(field 0 "${NEEDS[@]}")present"
  exit 0
fi

wanted=$(field 0 "${missing[@]}")
if ! command -v apt-get >/dev/null; then
  packages=$(field 2 "${missing[@]}")
  variables=$(field 1 "${missing[@]}")
  fail "missing: ${wanted}and no apt-get here: install them with this system's package manager (Debian's packages: ${packages% })${variables:+, or point ${variables% } at them}"
fi
if [[ "${TEST_SETUP_UID:-$EUID}" -ne 0 ]]; then
  fail "missing: ${wanted}(installing needs root). Run: $RERUN"
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
for need in "${missing[@]}"; do
  IFS='|' read -r command override package options purpose <<<"$need"
  say "installing Debian's $package for $purpose"
  # $options is deliberately split: zero or more apt-get flags.
  # shellcheck disable=SC2086
  apt-get install -y -qq $options "$package" >/dev/null || fail "apt-get could not install $package"
  [[ -n "$(locate "$command" "$override")" ]] || fail "$package is installed but $command is not on PATH"
done
