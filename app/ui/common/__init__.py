"""What several parts of the GUI share and none owns: `WindowHost` (what a part may ask of the main
window), background tasks, modal prompts, the colour theme, fonts and typed preferences, the library
service and its merged formula lexicon, localised store/importer reasons, table and dialog set-up, the
similarity heat colours, and the PySide6 None reference-count guard. It imports no other GUI package.
"""
