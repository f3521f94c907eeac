#!/usr/bin/env bash
# Build Duidu.app (the spec's BUNDLE), check its Info.plist, run its self-test, sign it when an identity is
# given, and wrap it in a DMG (notarize.sh then notarises the DMG).
# Run it on each architecture's own machine: arm64 (Apple silicon) and x86_64 (Intel) are built separately.
#
#   packaging/macos/build.sh            → dist/Duidu.app, dist/Duidu-<version>-macos-<arch>.dmg
#
# Optional environment: DUIDU_CODESIGN_IDENTITY ("Developer ID Application: …") signs the app and the DMG.
set -euo pipefail
cd "$(dirname "$0")/../.."

arch="${DUIDU_TARGET_ARCH:-$(uname -m)}"
version="$(python3 -c 'import app; print(app.__version__)')"
app="dist/Duidu.app"
dmg="dist/Duidu-${version}-macos-${arch}.dmg"

DUIDU_TARGET_ARCH="$arch" python3 -m PyInstaller packaging/duidu.spec --noconfirm --distpath dist --workpath build

plist="$app/Contents/Info.plist"
check_key() {
  local got
  got="$(/usr/libexec/PlistBuddy -c "Print :$1" "$plist")"
  if [ "$got" != "$2" ]; then
    echo "Info.plist: $1 is '$got', expected '$2'" >&2
    exit 1
  fi
}
check_key CFBundleShortVersionString "$version"
check_key NSHighResolutionCapable true
check_key NSRequiresAquaSystemAppearance false
check_key CFBundleIconFile duidu.icns
[ -f "$app/Contents/Resources/duidu.icns" ] || { echo "the app icon is missing from $app" >&2; exit 1; }

built_arch="$(lipo -archs "$app/Contents/MacOS/duidu")"
case " $built_arch " in
  *" $arch "*) ;;
  *) echo "built for '$built_arch', expected $arch" >&2; exit 1 ;;
esac

QT_QPA_PLATFORM=offscreen "$app/Contents/MacOS/duidu" --self-test

if [ -n "${DUIDU_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp \
    --entitlements packaging/macos/entitlements.plist \
    --sign "$DUIDU_CODESIGN_IDENTITY" "$app"
  codesign --verify --strict --verbose=2 "$app"
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Duidu $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "${DUIDU_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$DUIDU_CODESIGN_IDENTITY" "$dmg"
fi
echo "built $dmg ($(du -sh "$app" | cut -f1) app)"
