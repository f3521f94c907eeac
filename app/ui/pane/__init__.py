"""The reading pane that the reader, every compare pane and the Trace dock show text in: the read-only
text widget, its zoom, paragraph-number gutter and header line, the marks drawn over it (formulas,
passages, find hits) and their styles, and the conversion between core code-point offsets and Qt's
UTF-16 positions. It knows nothing of the parts that use it.
"""
