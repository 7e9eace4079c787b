#!/usr/bin/env bash
# Install what the browser tests (tests/test_ui_*.py) need beyond the Python packages of the dev extra (selenium):
# Debian's chromium and its chromedriver, and Noto system fonts so that headless screenshots render every label.
# Idempotent: does nothing when both programs are there. Browser downloads (Playwright, Selenium Manager) do not
# work offline, so the tests drive this system chromium through this chromedriver.
set -euo pipefail

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-core >/dev/null
