"""Replaces PyInstaller's hook for QtGui so that the Qt plugins Duidu leaves out are dropped *before*
PyInstaller resolves their shared-library dependencies (the GTK3 theme alone would drag in cairo, pango
and GLib). What is kept is decided by duidu_bundle.keep_qt_file, shared with the spec's own filter."""

from pathlib import Path

from duidu_bundle import keep_qt_file
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if keep_qt_file(str(Path(dest) / Path(src).name))]
datas = [(src, dest) for src, dest in datas if keep_qt_file(str(Path(dest) / Path(src).name))]
