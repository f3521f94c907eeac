"""Official formulas (提法): the lexicon, detection in a text, and discovery across a library."""
