"""The frame around everything: starting the app (language, appearance, which library), the main window
with its menus, toolbar and actions, preferences, the About box, the keyboard-shortcut list, the
error dialog and `duidu gui DOC`. The shell puts the parts (library, reader, lexicon, compare,
trace) into the window; no part imports the shell.
"""
