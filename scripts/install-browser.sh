#!/bin/sh
# Headless Chromium and a Chinese font, for tests/test_browser.py and the page's screenshots.
# Uses Debian's packages through apt-get, so it needs root; the browser test skips (and says
# why) when they are missing. Never fetches a browser build of its own.
set -u

have_font() {
    command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]
}

if command -v chromium >/dev/null 2>&1 && have_font; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "install-browser: not root; to enable the browser test run: sudo sh $0" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: no apt-get here; install Chromium and a CJK font (e.g. WenQuanYi Micro Hei) by hand" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq \
    && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null \
    || { echo "install-browser: apt-get could not install chromium and fonts-wqy-microhei" >&2; exit 1; }
echo "install-browser: $(chromium --version 2>/dev/null || echo chromium) and a CJK font are installed"
