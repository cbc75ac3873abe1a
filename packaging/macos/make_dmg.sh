#!/usr/bin/env bash
# Pack QualDesk.app into a compressed, drag-to-Applications disk image (macOS only).
#   packaging/macos/make_dmg.sh [DIST]      DIST defaults to dist/ (where build.py wrote the .app)
# Output: DIST/QualDesk-<version>-macos-<arch>.dmg
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
dist="${1:-$root/dist}"
app="$dist/QualDesk.app"
[ -d "$app" ] || { echo "make_dmg.sh: $app not found; run python packaging/build.py first" >&2; exit 1; }

version="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$app/Contents/Info.plist")"
arch="$(uname -m)"
dmg="$dist/QualDesk-$version-macos-$arch.dmg"

# PyInstaller already signed the .app ad hoc (enough for Apple silicon to start it); check it
# is intact, since a broken signature only shows up on the user's Mac.
codesign --verify --deep --strict "$app"

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"

rm -f "$dmg"
hdiutil create -volname "QualDesk $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
hdiutil verify "$dmg"
echo "wrote $dmg"
