"""Pure-Python core: text model, normalisation, structure, matching and formulas (no Qt, no SQL)."""
