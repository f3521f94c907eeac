"""The library tab: the table of speeches and its model, search box and facets, importing files with
progress and results, pasting a speech, editing a speech's details, and undoable removals and edits.
"""
