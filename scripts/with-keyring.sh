#!/bin/sh
# Runs a command against a real Secret Service: a private D-Bus session with
# its own gnome-keyring, in a throwaway HOME, so keychain tests use the real
# keytar and never touch the keyring of the person running them.
#
#   scripts/with-keyring.sh [--locked] COMMAND [ARG...]
#
# --locked  locks the login collection before COMMAND runs, so writes fail
#           with "Cannot create an item in a locked collection" (as on a
#           desktop whose keyring was locked).
#
# Needs: apt-get install -y --no-install-recommends gnome-keyring dbus libsecret-1-0
set -eu

locked=0
if [ "${1:-}" = "--locked" ]; then
  locked=1
  shift
fi
if [ "$#" -eq 0 ]; then
  echo "usage: $0 [--locked] COMMAND [ARG...]" >&2
  exit 64
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is missing; install it with: apt-get install -y --no-install-recommends gnome-keyring dbus" >&2
    exit 69
  fi
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/cam-party-keyring.XXXXXX")
trap 'rm -rf "$scratch" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
mkdir -m 700 "$scratch/home" "$scratch/runtime"

# Set before the bus starts, so services it activates use them too. No
# display: an unlock prompt must fail rather than pop up on a desktop.
export HOME="$scratch/home"
export XDG_RUNTIME_DIR="$scratch/runtime"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"
export CAM_PARTY_KEYRING_LOCKED="$locked"
export npm_config_update_notifier=false # a fresh HOME would make npm check for updates
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL

dbus-run-session -- sh -c '
  set -eu
  # Creates the "login" collection with password "pass" and unlocks it. In
  # the foreground, so it can be stopped: a daemon that never saw the bus
  # would outlive the session.
  printf pass | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
  keyring_pid=$!
  # Wait until it owns the Secret Service name; asking earlier makes D-Bus
  # start a second, locked daemon.
  tries=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 200 ]; then
      echo "with-keyring: gnome-keyring-daemon did not start within 10 s" >&2
      kill "$keyring_pid" 2>/dev/null || true
      exit 70
    fi
    sleep 0.05
  done
  if [ "$CAM_PARTY_KEYRING_LOCKED" = 1 ]; then
    dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
      org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
  fi
  unset CAM_PARTY_KEYRING_LOCKED
  status=0
  "$@" || status=$?
  kill "$keyring_pid" 2>/dev/null || true
  wait "$keyring_pid" 2>/dev/null || true
  exit "$status"
' with-keyring "$@"
