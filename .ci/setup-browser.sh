#!/usr/bin/env bash
# Install what the browser tests (tests/test_ui_*.py) need: Debian's chromium + chromedriver, and selenium in .venv.
# Idempotent: installs only what is missing. Browser downloads (Playwright, Selenium Manager) do not work offline,
# so the tests drive the system chromium through the system chromedriver.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-core >/dev/null
fi

if [ -x .venv/bin/pip ]; then
  .venv/bin/pip install -q -e '.[ui]'
fi
