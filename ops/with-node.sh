#!/usr/bin/env bash
# Runs a command with Node.js >= 22.17 first on PATH. Where the system Node is older, Node 24 from the
# npm registry's `node` package is installed once (to /opt/node24 as root, else ~/.cache/eduplatform/node24).
set -euo pipefail

node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=17)?0:1)'
}

if ! node_is_recent; then
  if [ "$(id -u)" = 0 ]; then prefix=/opt/node24; else prefix="${HOME}/.cache/eduplatform/node24"; fi
  if [ ! -x "${prefix}/bin/node" ]; then
    # Several checkouts may start at once: one installs (into a scratch prefix, moved into place whole) while
    # the others wait on the lock and then find it there.
    mkdir -p "$(dirname "${prefix}")"
    (
      flock 9
      if [ ! -x "${prefix}/bin/node" ]; then
        echo "Node.js >= 22.17 not found; installing Node 24 into ${prefix}" >&2
        rm -rf "${prefix}.partial" "${prefix}"
        npm install --global --prefix "${prefix}.partial" --no-audit --no-fund node@24 >&2
        mv "${prefix}.partial" "${prefix}"
      fi
    ) 9>"${prefix}.lock"
  fi
  export PATH="${prefix}/bin:${PATH}"
fi

if [ "$#" -gt 0 ]; then exec "$@"; fi
