#!/usr/bin/env bash
# System packages the test suite needs beyond Node and npm (Debian, run as root):
# headless Chromium for the report's browser test, DejaVu fonts for its PNG charts, and
# Jupyter's nbconvert (Debian's, on /usr/bin/python3) to run the notebooks headlessly on the
# Deno kernel; Redis (redis-server) for the cluster tests (test/redis.test.ts starts its own
# on a loopback port). Skips what is already installed.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# DejaVu Sans: the font the report draws PNG text with (resvg draws no text without a font).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# Jupyter (for notebooks/ and test/notebooks.test.ts); the Deno kernel itself comes from npm.
for pkg in jupyter-nbconvert python3-nbclient jupyter-client python3-nbformat; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
# Redis for relocsim worker / --redis (docs/cluster.md); the tests start and stop it themselves.
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-system-deps: need root to apt-get install ${need[*]}" >&2; exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
