"""The PySide6 GUI, one package per part of the window the user sees.

`shell` starts the app and owns the main window, its menus and preferences; it puts the parts in the
window: `library` (the table of speeches), `reader` (one speech in a tab), `lexicon` (the formula lexicon
and discovery), `compare` (speeches side by side) and `trace` (the Trace dock). The parts never import
each other or the shell; they reach the window through `common.host.WindowHost`, draw text with `pane`,
and share `common`. import-linter contracts in pyproject.toml keep it so.
"""

from app.ui.common.none_refcount import keep_none_alive

keep_none_alive()
