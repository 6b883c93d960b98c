#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One entry point for a fresh Debian bookworm machine:
#   scripts/dev.sh run    install missing packages, build (release), start the app
#   scripts/dev.sh test   install missing packages, build (CI preset, -Werror), run every test
#   scripts/dev.sh setup  only install missing packages
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build pkg-config
          qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev libqt6opengl6-dev
          libgl-dev libsqlite3-dev qtkeychain-qt6-dev libhnswlib-dev
          qt6-qpa-plugins xvfb xauth fonts-dejavu-core)

setup() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    # Node.js and npm may come from elsewhere (NodeSource bundles npm, and Debian's npm package then
    # conflicts with it), so they are looked up as commands, not as Debian packages.
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    if ((${#missing[@]})); then
        echo "Installing: ${missing[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

build() {
    cmake --preset "$1" >/dev/null
    cmake --build --preset "$1"
}

case "${1:-}" in
setup)
    setup ;;
run)
    setup
    build release
    shift
    exec ./build/release/app/lettascope "$@" ;;
test)
    setup
    build ci
    # App Server tests need the real letta-code package from the npm registry (see tests/appserver).
    if [ -x tests/appserver/install-letta-code.sh ]; then tests/appserver/install-letta-code.sh; fi
    # MCP server tests drive the server with the official MCP TypeScript SDK client (see tests/mcp).
    if [ -x tests/mcp/install-mcp-sdk.sh ]; then tests/mcp/install-mcp-sdk.sh >/dev/null; fi
    ctest --preset ci --output-on-failure -j2 ;;
*)
    echo "usage: $0 run|test|setup" >&2
    exit 1 ;;
esac
