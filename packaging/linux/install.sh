#!/bin/sh
# Install this unpacked Duidu folder for the current user (no root needed): a menu entry with the app
# icon, and a `duidu` command in ~/.local/bin. The folder stays where it is; run this again after moving it.
#
#   ./install.sh              (from the folder that holds the `duidu` executable)
#   ./install.sh --uninstall  (removes the menu entry, icons and command; never the user's libraries)
set -eu

app="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="$HOME/.local/bin"
icons="$app/_internal/resources/icons"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/duidu.desktop" "$bin/duidu"
  rm -f "$data"/icons/hicolor/*/apps/duidu.png
  echo "Duidu's menu entry, icons and command removed (your libraries are untouched)."
  exit 0
fi

[ -x "$app/duidu" ] || { echo "install.sh: run me from the Duidu folder (no ./duidu next to me)" >&2; exit 1; }

for png in "$icons"/duidu-*.png; do
  size="${png##*/duidu-}"
  size="${size%.png}"
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$data/icons/hicolor/${size}x${size}/apps/duidu.png"
done

# The menu entry runs this folder's executable by its full path, quoted (spaces are fine): a desktop
# session's PATH often lacks ~/.local/bin. Characters the Exec key would need escaped are not worth it.
case "$app" in
  *[\"\`\$\\%\&\|]*)
    exec_line="Exec=duidu gui %F"
    echo "install.sh: the folder's path has unusual characters; the menu entry relies on ~/.local/bin in PATH" >&2 ;;
  *) exec_line="Exec=\"$app/duidu\" gui %F" ;;
esac
mkdir -p "$data/applications"
sed "s|^Exec=.*|$exec_line|" "$app/duidu.desktop" > "$data/applications/duidu.desktop"

mkdir -p "$bin"
ln -sf "$app/duidu" "$bin/duidu"

update-desktop-database "$data/applications" >/dev/null 2>&1 || true
gtk-update-icon-cache -q "$data/icons/hicolor" >/dev/null 2>&1 || true
echo "Duidu installed for $(id -un): find it in the applications menu, or run 'duidu' (from $bin)."
