<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>About</name>
    <message>
        <source>Duidu (对读)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read and compare Chinese official speeches side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version} · Qt {qt} · PySide {pyside}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Duidu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareHighlights</name>
    <message>
        <source>shared formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copied passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · similarity {1:.0%} · shared with &lt;b&gt;{2}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Previous passage</source>
        <extracomment>Keyboard shortcuts of the exports (Ctrl+E is the library&apos;s Edit details; these are free everywhere).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show formulas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show passages that are only shared formulas (muted grey)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the panes aligned on their shared passages while scrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the comparison as a self-contained HTML report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the comparison as a PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similarity matrix</source>
        <extracomment>Start matching this long after construction if the view has not been painted by then. A new result arrived (before its highlights are drawn). Every highlight layer of the current result is applied. A passage (its number in the comparison) became the current one. The library&apos;s merged formula lexicon (set by the host); None means the shipped lexicon. Builds the library&apos;s boilerplate signal (set by the host); None: no corpus-wide boilerplate. Opens another comparison (heat map click); the host replaces it to open a tab instead. A result whose newly matched pairs are still to be stored in the cache (once it is drawn). Panes drawn (or queued to be) from provisional Links while the first result was still matching: pane index → (those Links, (show_formulas, lead) they were drawn with). See `_on_pane_ready`. Where the knobs, toggles and docks are remembered: the host window&apos;s preferences (tests pass their own); the default settings file only for a view made on its own.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; showing the previous result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A matching process failed ({0}); the rest was matched here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copied passage(s)</source>
        <translation>
            <numerusform>%n copied passage</numerusform>
            <numerusform>%n copied passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shared formula(s)</source>
        <translation>
            <numerusform>%n shared formula</numerusform>
            <numerusform>%n shared formulas</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the comparison as HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTML report could not be written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing page {0} of {1}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF export cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the comparison as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare at most 8 speeches at once.</source>
        <extracomment>After the library has loaded, wait this long, then load the formula lexicon in a background thread.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConcordancePanel</name>
    <message>
        <source>Formula</source>
        <extracomment>Characters of context shown on each side in the table (the full line is in the tooltip).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 两个维护</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from (2018)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to (2023-06)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speeches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speeches of the period without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a formula of at least two characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding every use of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 uses in %3 speeches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First use in the library: %1, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lexicon: in official use since %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speeches of the period without it (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speeches of the period without it (choose a period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n use(s) found</source>
        <translation>
            <numerusform>%n use found</numerusform>
            <numerusform>%n uses found</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiffPanel</name>
    <message>
        <source>Passage diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a passage to see both wordings aligned here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscoverPanel</name>
    <message>
        <source>&amp;Discover</source>
        <extracomment>Open the first speech that uses a candidate (double-click): its id. Discovery finished with this many candidates shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank candidate new formulas across the whole library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show formulas already in the lexicon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept into lexicon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the selected candidates to this library&apos;s formula lexicon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find strings many speeches repeat that no lexicon lists yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s); double-click one to read where it is used.</source>
        <translation>
            <numerusform>%n candidate; double-click it to read where it is used.</numerusform>
            <numerusform>%n candidates; double-click one to read where it is used.</numerusform>
        </translation>
    </message>
    <message>
        <source>accepted from discovery; first seen in the library on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 to the lexicon.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentHeader</name>
    <message>
        <source>Untitled speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditMetadataCommand</name>
    <message>
        <source>Edit details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duidu could not finish what you asked: %1

You can try again or carry on with something else.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <source>Genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this speech</source>
        <extracomment>Index of the current hit (-1 when none) and the number of hits.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} / {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormulaCategory</name>
    <message>
        <source>concept</source>
        <extracomment>Lexicon categories and pattern rules, listed so that lupdate offers them for translation.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slogan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boilerplate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>historical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abbreviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enumeration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>campaign</source>
        <extracomment>Categories not listed in formula_marks.CATEGORY_NAMES (that list covers the shipped and pattern ones).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discovered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormulaTablePanel</name>
    <message>
        <source>Count formulas</source>
        <extracomment>Widest the formula column gets, in characters: a long slogan is elided (whole in its tooltip) so the counts stay in view in a narrow dock.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select speeches in the library to tabulate their formulas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected speech(es)</source>
        <translation>
            <numerusform>%n selected speech</numerusform>
            <numerusform>%n selected speeches</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting formulas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n formula(s) used in the selected speeches</source>
        <translation>
            <numerusform>%n formula used in the selected speeches</numerusform>
            <numerusform>%n formulas used in the selected speeches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormulaTools</name>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formula &amp;lexicon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discover formulas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank candidate new formulas across the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discover formulas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormulaTooltip</name>
    <message>
        <source>Candidate formula (pattern: {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found as: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outdated wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variant wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abridged wording (items left out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inflected wording (a character added or dropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In official use since {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contains: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by {0} speeches in the library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Speeches (%1)</source>
        <extracomment>The import finished (or was cancelled) and may have added speeches. The report of the last import, for tests and for the results dialog. (path, page, pages) of a scan being recognised (OCR), emitted from the worker thread.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import speeches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder of speeches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported files</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) cannot be imported: Duidu reads %1 files.</source>
        <translation>
            <numerusform>%n file cannot be imported: Duidu reads %1 files.</numerusform>
            <numerusform>%n files cannot be imported: Duidu reads %1 files.</numerusform>
        </translation>
    </message>
    <message>
        <source>An import is already running; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing file %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognising text (OCR) in %1: page %2 of %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speeches imported before the error were kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <source>Import results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n speech(es) imported</source>
        <translation>
            <numerusform>%n speech imported</numerusform>
            <numerusform>%n speeches imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n already in the library</numerusform>
            <numerusform>%n already in the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; the speeches imported before that were kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LexiconDialog</name>
    <message>
        <source>Import formula entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export your formula entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formula lexicon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by formula, variant, expansion, category…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;store shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop your changes to the selected formulas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import TSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport TSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n formula(s)</source>
        <translation>
            <numerusform>%n formula</numerusform>
            <numerusform>%n formulas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1” in this library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n formula(s)</source>
        <translation>
            <numerusform>Remove %n formula</numerusform>
            <numerusform>Remove %n formulas</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed %1. Undo puts it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restore %n formula(s)</source>
        <translation>
            <numerusform>Restore %n formula</numerusform>
            <numerusform>Restore %n formulas</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot import formula entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n formula entrie(s) from %1.</source>
        <translation>
            <numerusform>Imported %n formula entry from %1.</numerusform>
            <numerusform>Imported %n formula entries from %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could not be read and were skipped:</source>
        <translation>
            <numerusform>%n row could not be read and was skipped:</numerusform>
            <numerusform>%n rows could not be read and were skipped:</numerusform>
        </translation>
    </message>
    <message>
        <source>Some rows were skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export formula entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n formula entrie(s) to %1.</source>
        <translation>
            <numerusform>Exported %n formula entry to %1.</numerusform>
            <numerusform>Exported %n formula entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LexiconEntryDialog</name>
    <message>
        <source>first seen in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Formula:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Variants:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outdated wordings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expansion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First official &amp;use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source of the year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate several wordings with |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the formula&apos;s canonical wording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has no characters to match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wording is already the formula “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LexiconTableModel</name>
    <message>
        <source>Formula</source>
        <extracomment>canonical → earliest library date, once computed (None: not yet known)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outdated wordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No verified year of first official use, and no dated speech uses it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No verified year of first official use: first seen in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library %1</source>
        <extracomment>Works out, in the background, when the library first used each undated formula.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryCheck</name>
    <message>
        <source>The library is damaged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryChooser</name>
    <message>
        <source>Cannot open the library</source>
        <extracomment>Set by the start-up benchmark: print this marker and quit once the window is shown. The user chose Quit when the library could not be opened (the command then fails, as before).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name for a new library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty library file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty. A library can be emptied when the disk was full; if you expected your documents here, keep the file and restore a backup instead.

Make it a new, empty library?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duidu cannot use this library. It has not been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <extracomment>The text columns and the row field each shows.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region / organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <extracomment>The user asked to compare these speeches (2–8 ids); the compare view connects here. The user chose another language or appearance in the preferences. The user asked to open or create another library (&quot;open&quot; or &quot;new&quot;). The user picked a library from File → Open recent. The table holds the library&apos;s rows (after start-up, an import, a switch); carries the count. Set by the compare view when it connects to `compare_requested`.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duidu — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n speech(es)</source>
        <translation>
            <numerusform>%n speech</numerusform>
            <numerusform>%n speeches</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n shown</numerusform>
            <numerusform>%n shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome to Duidu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your library is empty. Import the demo library — a few speeches written for Duidu that share passages and formulas — to try reading and comparing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This text is already in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n speech(es) from the library?</source>
        <translation>
            <numerusform>Remove %n speech from the library?</numerusform>
            <numerusform>Remove %n speeches from the library?</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove speeches</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n speech(es)</source>
        <translation>
            <numerusform>Remove %n speech</numerusform>
            <numerusform>Remove %n speeches</numerusform>
        </translation>
    </message>
    <message>
        <source>Select 2 to 8 speeches to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compare view is not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other libraries yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Edit speech details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speaker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region / &amp;organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;ccasion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Genre:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So&amp;urce:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a date Duidu can read: write 2023-04-12, 2023年4月12日, 2023-04 or 2023.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <source>Selected speeches</source>
        <extracomment>Pairs drawn in the graph (the strongest); the table lists them all. worker processes of the scan&apos;s local Dask cluster (None: all cores; 0: in this process) what the last scan did, said once with the network it leads to</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copied at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select at least two speeches in the library, or choose the whole library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring which speeches copy which…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning the library: %1 % of the pairs measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>about %n minute left</numerusform>
            <numerusform>about %n minutes left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scanned %n speech(es)</source>
        <translation>
            <numerusform>Scanned %n speech</numerusform>
            <numerusform>Scanned %n speeches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) sharing copied prose stored</source>
        <translation>
            <numerusform>%n pair sharing copied prose stored</numerusform>
            <numerusform>%n pairs sharing copied prose stored</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting the library scan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) above the threshold</source>
        <translation>
            <numerusform>%n pair above the threshold</numerusform>
            <numerusform>%n pairs above the threshold</numerusform>
        </translation>
    </message>
    <message>
        <source>from the library scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) measured</source>
        <translation>
            <numerusform>%n pair measured</numerusform>
            <numerusform>%n pairs measured</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the graph shows the strongest %n</source>
        <translation>
            <numerusform>the graph shows the strongest %n</numerusform>
            <numerusform>the graph shows the strongest %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weaker pair(s) not measured: raise the threshold or scan the library (Trace menu)</source>
        <translation>
            <numerusform>%n weaker pair not measured: raise the threshold or scan the library (Trace menu)</numerusform>
            <numerusform>%n weaker pairs not measured: raise the threshold or scan the library (Trace menu)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OcrBanner</name>
    <message>
        <source>Text recognised by OCR from page images: check quotations against the original.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenDocument</name>
    <message>
        <source>There is no speech #%1 in this library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such file, and not a library id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in the library as #%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not in the library. Import it to edit its details, trace it and compare it with other speeches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into &amp;library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was imported into the library as #%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import the speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the speech</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutlineView</name>
    <message>
        <source>No headings found</source>
        <extracomment>Code-point offset of the heading the user picked.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaneHeader</name>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll the other panes along with this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colour of this speech&apos;s passages in the other panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:.1%} of this speech is shared with the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared with the others: {0:.1%}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParamsBar</name>
    <message>
        <source>Min. length</source>
        <extracomment>What the boxes accept (remembered values outside these fall back to the defaults).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest passage, in characters without punctuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min. similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest similarity of a near-copy (1 = identical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count formulas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count shared formulas as copied text in the ratios (they are left out by default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m pairs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassageDock</name>
    <message>
        <source>Min. length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassagePanel</name>
    <message>
        <source>Paste a passage, or select text in a speech and choose Trace → Where else does this appear?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide boilerplate and formulas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only copies: text that one other speech shares, not the common wording many speeches of the library have (boilerplate) or a formula of the lexicon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boilerplate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Found in %n speech(es)</source>
        <translation>
            <numerusform>Found in %n speech</numerusform>
            <numerusform>Found in %n speeches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copied passage(s)</source>
        <translation>
            <numerusform>%n copied passage</numerusform>
            <numerusform>%n copied passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n formula or boilerplate passage(s) hidden</source>
        <translation>
            <numerusform>%n formula or boilerplate passage hidden</numerusform>
            <numerusform>%n formula or boilerplate passages hidden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n formula or boilerplate passage(s)</source>
        <translation>
            <numerusform>%n formula or boilerplate passage</numerusform>
            <numerusform>%n formula or boilerplate passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more candidate(s) not checked</source>
        <translation>
            <numerusform>%n more candidate not checked</numerusform>
            <numerusform>%n more candidates not checked</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found anywhere else in the library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassageTableModel</name>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <source>Paste text as a new speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to take it from the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the speech here (Ctrl+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Redacted in the source ({0} characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>unsupported format (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough memory to read the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1 file (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no text in the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no text in the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file too large (%1; the limit is %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file too large (more than %1, the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a readable .docx file (damaged or truncated: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a readable .%1 file (damaged or truncated: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a readable .%1 file (more than %2 parts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too large when unpacked (%1 is more than %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many elements in %1 (more than %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nested too deeply in %1 (more than %2 levels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged part %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported compression in %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many pages (%1; the limit is %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a readable PDF (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted PDF that cannot be opened (%1); no text layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted PDF (password required); no text layer can be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no text layer (image-only or scanned PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary file (control characters), not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary file (contains NUL bytes), not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undecodable bytes (no known encoding fits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undecodable bytes (starts with a %1 mark but is not %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undecodable bytes (not UTF-8, GB18030, Big5 or another known encoding)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes file, not a speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link to a folder, not followed (name the folder itself to import it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is locked by another program; try again when it has finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read-only (%2); Duidu cannot write to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read-only; Duidu cannot write to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: its folder %2 is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged or not a Duidu library (%2); it was left untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an empty file, not a Duidu library; it was left untouched (choose a new file name to make a new library)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Duidu library (not an SQLite database); it was left untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a database but not a Duidu library; it was left untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was created by a newer Duidu (schema %2); update Duidu to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a schema upgrade; open it once with write access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is neither a file path nor a database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a library file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no library at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a library in %1: the folder does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: database error: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot use %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a text search needs at least %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word document older than Word 97 (not supported; save it as .docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged Word document (no %1 stream)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged Word document (no piece table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged Word document (text runs past the end of the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged Word document (truncated piece table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged or truncated Word document (piece table out of range)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged or truncated document (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted document (password required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Word 97–2003 document (no Word file header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Word 97–2003 or WPS document (no OLE compound file header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Word or WPS Writer document (an OLE file without a WordDocument stream: Works, Excel or an old WPS format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged OFD file (OFD.xml has no DocBody)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged OFD file (%1 %2 is missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged OFD file (no DocRoot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no text in the OFD file (image-only pages?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an RTF file (no {\rtf header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated RTF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a web archive (no MIME parts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web archive with an empty page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web archive without a page (no HTML part)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged image (%1: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too large when unpacked (an image of more than %1 pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too large when unpacked (an image of %1×%2 pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a readable image (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no text layer and no text recognised (blank or unreadable scan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no text recognised in the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recognised text could not be stored as read (line ends changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled while recognising text (OCR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no OCR engine in this installation (%1 missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR model missing from this installation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 is more than %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search titles, speakers, tags and full text…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by command or key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find similar speeches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of this speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of that speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest shared passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speeches sharing copied text with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a speech (or select one in the library) to find similar ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for similar speeches…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n similar speech(es)</source>
        <translation>
            <numerusform>%n similar speech</numerusform>
            <numerusform>%n similar speeches</numerusform>
        </translation>
    </message>
    <message>
        <source>No speech in the library shares copied text with this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters of copied prose (%2 of this speech)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ties with the next on copied prose; first as the closer version (%1 of it is in this speech, against %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ties with the next on copied prose; first as the newer (%1 against %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ties with the next on copied prose; first by library number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimilarityMatrix</name>
    <message>
        <source>{0:.1%} of {1}
is shared with {2}
(click to compare the two)</source>
        <extracomment>Light-to-dark sequential blue (perceptually ordered, readable for the common colour-vision deficiencies). The user clicked cell (row, column); row != column.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TraceActions</name>
    <message>
        <source>T&amp;race</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;Trace panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Similar speeches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Where else does this passage appear?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formula &amp;concordance and timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan &amp;library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure every pair of speeches sharing copied prose and store them for the copy network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TraceDock</name>
    <message>
        <source>Trace</source>
        <extracomment>The window&apos;s Trace menu, once `install_trace` made it (retranslated with the dock).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similar speeches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passage search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formula timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formula table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy network</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Indexed %n speech(es) for tracing.</source>
        <translation>
            <numerusform>Indexed %n speech for tracing.</numerusform>
            <numerusform>Indexed %n speeches for tracing.</numerusform>
        </translation>
    </message>
    <message>
        <source>Indexing speeches for tracing: %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TracePanel</name>
    <message>
        <source>Stopped: %1</source>
        <extracomment>Open the pair side by side (two document ids). Open a speech and show a span of it: (document id, start, end). A query finished and its results are shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste text as a new speech…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the &amp;demo library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear search and &amp;filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Duidu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare 2 to 8 selected speeches side by side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
