"""The reader tab: one speech in a reading pane with its header, outline and find bar (Ctrl+F), and the
tab strip that holds one reader per open speech.
"""
