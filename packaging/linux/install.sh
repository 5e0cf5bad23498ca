#!/bin/sh
# Install ANTT Desktop on Linux from the unpacked release archive this script comes in:
#
#   tar xf antt-desktop-VERSION-linux-x86_64.tar.xz
#   antt-desktop-VERSION/install.sh              # for this user (no root needed)
#   sudo antt-desktop-VERSION/install.sh --system  # for every user of the PC
#   ~/.local/opt/antt-desktop/install.sh --uninstall   (add --system as installed)
#
# It copies the program folder (a new version replaces the old one whole, swapped in once
# copied), links `antt` and `antt-desktop` into a folder on PATH, and installs the menu entry
# and its icon. The post's data (~/.local/share/ANTT Desktop) is never touched.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
system=no
action=install
for arg in "$@"; do
    case "$arg" in
        --system) system=yes ;;
        --uninstall) action=uninstall ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
    esac
done

if [ "$system" = yes ]; then
    prefix=/opt/antt-desktop bin=/usr/local/bin share=/usr/local/share
else
    prefix="$HOME/.local/opt/antt-desktop" bin="$HOME/.local/bin"
    share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
entry="$share/applications/antt-desktop.desktop"
icon="$share/icons/hicolor/scalable/apps/antt-desktop.svg"

refresh_menus() {
    command -v update-desktop-database >/dev/null 2>&1 &&
        update-desktop-database -q "$share/applications" || true
}

if [ "$action" = uninstall ]; then
    rm -f "$bin/antt" "$bin/antt-desktop" "$entry" "$icon"
    rm -rf "$prefix"
    refresh_menus
    echo "ANTT Desktop removed from $prefix; the data in ~/.local/share/ANTT Desktop is kept."
    exit 0
fi

[ -x "$here/antt-desktop" ] && [ -d "$here/_internal" ] || {
    echo "install.sh: run the copy inside the unpacked archive (no program found in $here)" >&2
    exit 1
}
mkdir -p "$(dirname "$prefix")" "$bin" "$(dirname "$entry")" "$(dirname "$icon")"
rm -rf "$prefix.new"
cp -a "$here" "$prefix.new"
rm -rf "$prefix.old"
[ -d "$prefix" ] && mv "$prefix" "$prefix.old"
mv "$prefix.new" "$prefix"
rm -rf "$prefix.old"

ln -sf "$prefix/antt" "$bin/antt"
ln -sf "$prefix/antt-desktop" "$bin/antt-desktop"
sed "s|^Exec=antt-desktop|Exec=$prefix/antt-desktop|" "$here/antt-desktop.desktop" > "$entry"
cp "$here/antt-desktop.svg" "$icon"
refresh_menus
echo "ANTT Desktop $("$prefix/antt" --version | cut -d' ' -f2) installed in $prefix"
echo "  menu entry: $entry"
echo "  commands:   $bin/antt, $bin/antt-desktop"
