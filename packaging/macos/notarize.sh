#!/usr/bin/env bash
# Notarise a signed DMG with Apple and staple the ticket, so Gatekeeper accepts it offline.
#   APPLE_ID=… APPLE_TEAM_ID=… APPLE_APP_PASSWORD=… packaging/macos/notarize.sh dist/Duidu-X.Y.Z-macos-arm64.dmg
set -euo pipefail
dmg="$1"
: "${APPLE_ID:?}" "${APPLE_TEAM_ID:?}" "${APPLE_APP_PASSWORD:?}"
xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
  --password "$APPLE_APP_PASSWORD" --wait
xcrun stapler staple "$dmg"
xcrun stapler validate "$dmg"
