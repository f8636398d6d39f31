#!/usr/bin/env bash
# Installs what Nianbao needs to build, run and test on Debian 12 (clang:
# for the fuzzers, build-aux/fuzz.sh).
set -euo pipefail

packages=(
  build-essential pkg-config meson ninja-build gettext python3
  libglib2.0-dev libglib2.0-bin libjson-glib-dev json-glib-tools
  libgtk-4-dev libadwaita-1-dev libpoppler-glib-dev libcairo2-dev libsqlite3-dev
  libxml2-dev libgsf-1-dev
  xvfb xauth desktop-file-utils appstream libxml2-utils
  fonts-noto-cjk poppler-utils locales
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The Chinese UI is tested under zh_CN.UTF-8.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$'; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
  $sudo locale-gen >/dev/null
fi
