"""The Trace panels: similar speeches, passage search, formula concordance and timeline, formula table, copy
network — library-wide questions, docked beside the reader (see dock.py for how the window hosts them)."""
