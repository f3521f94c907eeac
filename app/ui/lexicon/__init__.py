"""The formula lexicon in the Tools menu: the lexicon table dialog with its entry editor (add, edit,
remove, import, export, all undoable) and the Discover formulas dock that ranks candidate new
formulas across the library.
"""
