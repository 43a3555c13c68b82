# Sourced by bin/ensure-services and bin/ensure-tools: logging and "install with apt when missing".
# Debian/Ubuntu only; installing needs root, checking does not.

ensure_log() {
  printf '%s: %s\n' "${ENSURE_NAME:-ensure}" "$*" >&2
}

ensure_die() {
  printf '%s: ERROR: %s\n' "${ENSURE_NAME:-ensure}" "$*" >&2
  exit 1
}

ensure_is_root() {
  [ "$(id -u)" = 0 ]
}

ENSURE_APT_UPDATED=false
# Other jobs on the machine may hold the dpkg lock for a moment: wait for it instead of failing.
ENSURE_APT=(apt-get -y -q -o DPkg::Lock::Timeout=300)

# apt_update_once: 'apt-get update', at most once per script and only when something must be installed.
apt_update_once() {
  ensure_is_root || ensure_die "apt-get needs root: install the missing package yourself or rerun as root"
  command -v apt-get >/dev/null || ensure_die "no apt-get here: install the missing package yourself"
  if [ "$ENSURE_APT_UPDATED" = false ]; then
    ensure_log "apt-get update"
    "${ENSURE_APT[@]}" update >/dev/null || ensure_die "apt-get update failed"
    ENSURE_APT_UPDATED=true
  fi
}

# apt_install PACKAGE...: installs the packages with apt.
apt_install() {
  ensure_is_root || ensure_die "$* missing and not root: install it ($*) or rerun as root"
  apt_update_once
  ensure_log "installing $* with apt"
  DEBIAN_FRONTEND=noninteractive "${ENSURE_APT[@]}" install --no-install-recommends "$@" >/dev/null \
    || ensure_die "apt-get install $* failed"
}

# apt_has_candidate PACKAGE: true when apt could install PACKAGE (after an update).
apt_has_candidate() {
  local candidate
  candidate="$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: //p')"
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

# wait_until SECONDS COMMAND...: polls COMMAND every 0.2 s until it succeeds; false on timeout.
wait_until() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}
