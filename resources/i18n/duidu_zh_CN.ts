<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>Duidu (对读)</source>
        <translation>对读 (Duidu)</translation>
    </message>
    <message>
        <source>Read and compare Chinese official speeches side by side.</source>
        <translation>并排阅读和比对中文公文讲话。</translation>
    </message>
    <message>
        <source>Version {version} · Qt {qt} · PySide {pyside}</source>
        <translation>版本 {version} · Qt {qt} · PySide {pyside}</translation>
    </message>
    <message>
        <source>About Duidu</source>
        <translation>关于对读</translation>
    </message>
</context>
<context>
    <name>CompareHighlights</name>
    <message>
        <source>shared formula</source>
        <translation>共用提法</translation>
    </message>
    <message>
        <source>copied passage</source>
        <translation>雷同段落</translation>
    </message>
    <message>
        <source>{0} · similarity {1:.0%} · shared with &lt;b&gt;{2}&lt;/b&gt;</source>
        <translation>{0} · 相似度 {1:.0%} · 与 &lt;b&gt;{2}&lt;/b&gt; 共有</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Previous passage</source>
        <extracomment>Keyboard shortcuts of the exports (Ctrl+E is the library&apos;s Edit details; these are free everywhere).</extracomment>
        <translation>上一段</translation>
    </message>
    <message>
        <source>Next passage</source>
        <translation>下一段</translation>
    </message>
    <message>
        <source>Show formulas</source>
        <translation>显示提法</translation>
    </message>
    <message>
        <source>Show passages that are only shared formulas (muted grey)</source>
        <translation>显示只是共用提法的段落（浅灰色）</translation>
    </message>
    <message>
        <source>Scroll together</source>
        <translation>同步滚动</translation>
    </message>
    <message>
        <source>Keep the panes aligned on their shared passages while scrolling</source>
        <translation>滚动时按共有段落对齐各窗格</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Save the comparison as a self-contained HTML report</source>
        <translation>将比对结果保存为独立的 HTML 报告</translation>
    </message>
    <message>
        <source>Save the comparison as a PDF report</source>
        <translation>将比对结果保存为 PDF 报告</translation>
    </message>
    <message>
        <source>Compare toolbar</source>
        <translation>比对工具栏</translation>
    </message>
    <message>
        <source>Similarity matrix</source>
        <extracomment>Start matching this long after construction if the view has not been painted by then. A new result arrived (before its highlights are drawn). Every highlight layer of the current result is applied. A passage (its number in the comparison) became the current one. The library&apos;s merged formula lexicon (set by the host); None means the shipped lexicon. Builds the library&apos;s boilerplate signal (set by the host); None: no corpus-wide boilerplate. Opens another comparison (heat map click); the host replaces it to open a tab instead. A result whose newly matched pairs are still to be stored in the cache (once it is drawn). Panes drawn (or queued to be) from provisional Links while the first result was still matching: pane index → (those Links, (show_formulas, lead) they were drawn with). See `_on_pane_ready`. Where the knobs, toggles and docks are remembered: the host window&apos;s preferences (tests pass their own); the default settings file only for a view made on its own.</extracomment>
        <translation>相似度矩阵</translation>
    </message>
    <message>
        <source>Cancelled; showing the previous result.</source>
        <translation>已取消；显示上一次的结果。</translation>
    </message>
    <message>
        <source>Comparison failed: {0}</source>
        <translation>比对失败：{0}</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比对…</translation>
    </message>
    <message>
        <source>A matching process failed ({0}); the rest was matched here.</source>
        <translation>一个比对进程出错（{0}）；其余部分已在本进程中完成比对。</translation>
    </message>
    <message numerus="yes">
        <source>%n copied passage(s)</source>
        <translation>
            <numerusform>%n 处雷同段落</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shared formula(s)</source>
        <translation>
            <numerusform>%n 处共用提法</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the comparison as HTML</source>
        <translation>将比对结果导出为 HTML</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <source>The HTML report could not be written: {0}</source>
        <translation>无法写入 HTML 报告：{0}</translation>
    </message>
    <message>
        <source>Wrote {0}</source>
        <translation>已写入 {0}</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在写入 PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Writing page {0} of {1}…</source>
        <translation>正在写入第 {0} 页，共 {1} 页…</translation>
    </message>
    <message>
        <source>PDF export cancelled.</source>
        <translation>已取消 PDF 导出。</translation>
    </message>
    <message>
        <source>The PDF could not be written: {0}</source>
        <translation>无法写入 PDF：{0}</translation>
    </message>
    <message>
        <source>Export the comparison as PDF</source>
        <translation>将比对结果导出为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Compare at most 8 speeches at once.</source>
        <extracomment>After the library has loaded, wait this long, then load the formula lexicon in a background thread.</extracomment>
        <translation>一次最多对比 8 篇讲话。</translation>
    </message>
</context>
<context>
    <name>ConcordancePanel</name>
    <message>
        <source>Formula</source>
        <extracomment>Characters of context shown on each side in the table (the full line is in the tooltip).</extracomment>
        <translation>提法</translation>
    </message>
    <message>
        <source>e.g. 两个维护</source>
        <translation>例如 两个维护</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>from (2018)</source>
        <translation>从（2018）</translation>
    </message>
    <message>
        <source>to (2023-06)</source>
        <translation>到（2023-06）</translation>
    </message>
    <message>
        <source>Find uses</source>
        <translation>查找用例</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>按年份</translation>
    </message>
    <message>
        <source>per speaker</source>
        <translation>按讲话人</translation>
    </message>
    <message>
        <source>per genre</source>
        <translation>按文体</translation>
    </message>
    <message>
        <source>uses</source>
        <translation>用例数</translation>
    </message>
    <message>
        <source>speeches</source>
        <translation>讲话数</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>讲话</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <source>After</source>
        <translation>后文</translation>
    </message>
    <message>
        <source>In context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Speeches of the period without it</source>
        <translation>该时期未使用的讲话</translation>
    </message>
    <message>
        <source>Type a formula of at least two characters.</source>
        <translation>请输入至少两个字的提法。</translation>
    </message>
    <message>
        <source>Finding every use of %1…</source>
        <translation>正在查找“%1”的全部用例…</translation>
    </message>
    <message>
        <source>%1: %2 uses in %3 speeches.</source>
        <translation>%1：%3 篇讲话中共 %2 处。</translation>
    </message>
    <message>
        <source>First use in the library: %1, %2.</source>
        <translation>库中最早使用：%1，%2。</translation>
    </message>
    <message>
        <source>Lexicon: in official use since %1.</source>
        <translation>词库：%1 年起正式使用。</translation>
    </message>
    <message>
        <source>Speeches of the period without it (%1)</source>
        <translation>该时期未使用的讲话（%1）</translation>
    </message>
    <message>
        <source>Speeches of the period without it (choose a period)</source>
        <translation>该时期未使用的讲话（请先选择时期）</translation>
    </message>
    <message numerus="yes">
        <source>%n use(s) found</source>
        <translation>
            <numerusform>找到 %n 处用例</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>DiffPanel</name>
    <message>
        <source>Passage diff</source>
        <translation>段落差异</translation>
    </message>
    <message>
        <source>Click a passage to see both wordings aligned here.</source>
        <translation>点击一个段落，在此对照两种措辞。</translation>
    </message>
</context>
<context>
    <name>DiscoverPanel</name>
    <message>
        <source>&amp;Discover</source>
        <extracomment>Open the first speech that uses a candidate (double-click): its id. Discovery finished with this many candidates shown.</extracomment>
        <translation>开始发现(&amp;D)</translation>
    </message>
    <message>
        <source>Rank candidate new formulas across the whole library</source>
        <translation>在整个文库中为候选新提法排序</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Show formulas already in the lexicon</source>
        <translation>显示已在提法库中的提法</translation>
    </message>
    <message>
        <source>&amp;Accept into lexicon</source>
        <translation>收入提法库(&amp;A)</translation>
    </message>
    <message>
        <source>Add the selected candidates to this library&apos;s formula lexicon</source>
        <translation>把选中的候选提法加入本文库的提法库</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选提法</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>讲话数</translation>
    </message>
    <message>
        <source>First date</source>
        <translation>最早日期</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Find strings many speeches repeat that no lexicon lists yet.</source>
        <translation>找出多篇讲话反复使用、提法库尚未收录的说法。</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>正在读取文库…</translation>
    </message>
    <message>
        <source>Discovery cancelled.</source>
        <translation>已取消发现。</translation>
    </message>
    <message>
        <source>Discovery failed: %1</source>
        <translation>发现失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s); double-click one to read where it is used.</source>
        <translation>
            <numerusform>%n 个候选提法；双击可阅读其出处。</numerusform>
        </translation>
    </message>
    <message>
        <source>accepted from discovery; first seen in the library on %1</source>
        <translation>由提法发现收入；文库中最早见于 %1</translation>
    </message>
    <message>
        <source>Added %1 to the lexicon.</source>
        <translation>已将 %1 加入提法库。</translation>
    </message>
</context>
<context>
    <name>DocumentHeader</name>
    <message>
        <source>Untitled speech</source>
        <translation>无标题讲话</translation>
    </message>
    <message>
        <source>{0} characters</source>
        <translation>{0} 字</translation>
    </message>
</context>
<context>
    <name>EditMetadataCommand</name>
    <message>
        <source>Edit details</source>
        <translation>编辑信息</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Duidu could not finish what you asked: %1

You can try again or carry on with something else.</source>
        <translation>对读未能完成您要求的操作：%1

您可以重试，或继续其他工作。</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <source>Genre</source>
        <translation>文种</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>讲话人</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this speech</source>
        <extracomment>Index of the current hit (-1 when none) and the number of hits.</extracomment>
        <translation>在本篇中查找</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>上一处（Shift+Enter、Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>下一处（Enter、F3）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>查找下一处</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>查找上一处</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>无结果</translation>
    </message>
    <message>
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
</context>
<context>
    <name>FormulaCategory</name>
    <message>
        <source>concept</source>
        <extracomment>Lexicon categories and pattern rules, listed so that lupdate offers them for translation.</extracomment>
        <translation>概念</translation>
    </message>
    <message>
        <source>slogan</source>
        <translation>口号</translation>
    </message>
    <message>
        <source>numbered</source>
        <translation>数字提法</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>boilerplate</source>
        <translation>套话</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>historical</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>abbreviation</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>local</source>
        <translation>地方提法</translation>
    </message>
    <message>
        <source>quoted</source>
        <translation>引号</translation>
    </message>
    <message>
        <source>enumeration</source>
        <translation>列举</translation>
    </message>
    <message>
        <source>parallel</source>
        <translation>排比</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>会议文件引用</translation>
    </message>
    <message>
        <source>library</source>
        <translation>文库共用</translation>
    </message>
    <message>
        <source>mined</source>
        <translation>文库挖掘</translation>
    </message>
    <message>
        <source>campaign</source>
        <extracomment>Categories not listed in formula_marks.CATEGORY_NAMES (that list covers the shipped and pattern ones).</extracomment>
        <translation>专项活动</translation>
    </message>
    <message>
        <source>discovered</source>
        <translation>新发现</translation>
    </message>
</context>
<context>
    <name>FormulaTablePanel</name>
    <message>
        <source>Count formulas</source>
        <extracomment>Widest the formula column gets, in characters: a long slogan is elided (whole in its tooltip) so the counts stay in view in a narrow dock.</extracomment>
        <translation>统计提法</translation>
    </message>
    <message>
        <source>Select speeches in the library to tabulate their formulas.</source>
        <translation>在文库中选择讲话，即可列出其中的提法。</translation>
    </message>
    <message numerus="yes">
        <source>%n selected speech(es)</source>
        <translation>
            <numerusform>已选 %n 篇讲话</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting formulas…</source>
        <translation>正在统计提法…</translation>
    </message>
    <message numerus="yes">
        <source>%n formula(s) used in the selected speeches</source>
        <translation>
            <numerusform>所选讲话共使用 %n 个提法</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormulaTools</name>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Formula &amp;lexicon…</source>
        <translation>提法库(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Discover formulas…</source>
        <translation>发现新提法(&amp;D)…</translation>
    </message>
    <message>
        <source>Rank candidate new formulas across the library</source>
        <translation>在文库中为候选新提法排序</translation>
    </message>
    <message>
        <source>Discover formulas</source>
        <translation>发现新提法</translation>
    </message>
</context>
<context>
    <name>FormulaTooltip</name>
    <message>
        <source>Candidate formula (pattern: {0})</source>
        <translation>候选提法（规则：{0}）</translation>
    </message>
    <message>
        <source>Found as: {0}</source>
        <translation>原文写作：{0}</translation>
    </message>
    <message>
        <source>Outdated wording</source>
        <translation>过时的说法</translation>
    </message>
    <message>
        <source>Variant wording</source>
        <translation>变体说法</translation>
    </message>
    <message>
        <source>Abridged wording (items left out)</source>
        <translation>节略说法（省去部分条目）</translation>
    </message>
    <message>
        <source>Inflected wording (a character added or dropped)</source>
        <translation>增减字说法（增加或省去一两个字）</translation>
    </message>
    <message>
        <source>Category: {0}</source>
        <translation>类别：{0}</translation>
    </message>
    <message>
        <source>In official use since {0}</source>
        <translation>自 {0} 年起正式使用</translation>
    </message>
    <message>
        <source>Contains: {0}</source>
        <translation>包含：{0}</translation>
    </message>
    <message>
        <source>Used by {0} speeches in the library</source>
        <translation>文库中有 {0} 篇讲话使用</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Speeches (%1)</source>
        <extracomment>The import finished (or was cancelled) and may have added speeches. The report of the last import, for tests and for the results dialog. (path, page, pages) of a scan being recognised (OCR), emitted from the worker thread.</extracomment>
        <translation>讲话（%1）</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Import speeches</source>
        <translation>导入讲话</translation>
    </message>
    <message>
        <source>Import a folder of speeches</source>
        <translation>导入讲话文件夹</translation>
    </message>
    <message>
        <source>Unsupported files</source>
        <translation>不支持的文件</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) cannot be imported: Duidu reads %1 files.</source>
        <translation>
            <numerusform>有 %n 个文件无法导入：对读只能读取 %1 文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>An import is already running; try again when it has finished.</source>
        <translation>已有导入正在进行；请在它完成后再试。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Importing file %1 of %2…</source>
        <translation>正在导入第 %1 个文件，共 %2 个…</translation>
    </message>
    <message>
        <source>Recognising text (OCR) in %1: page %2 of %3…</source>
        <translation>正在识别 %1 中的文字（OCR）：第 %2 页，共 %3 页…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>Speeches imported before the error were kept.</source>
        <translation>出错之前已导入的讲话均已保留。</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <source>Import results</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Already in the library</source>
        <translation>库中已有</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message numerus="yes">
        <source>%n speech(es) imported</source>
        <translation>
            <numerusform>已导入 %n 篇讲话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n 篇库中已有</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n 个已跳过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>The import was cancelled; the speeches imported before that were kept.</source>
        <translation>导入已取消；取消之前已导入的讲话均已保留。</translation>
    </message>
</context>
<context>
    <name>LexiconDialog</name>
    <message>
        <source>Import formula entries</source>
        <translation>导入提法条目</translation>
    </message>
    <message>
        <source>Export your formula entries</source>
        <translation>导出你的提法条目</translation>
    </message>
    <message>
        <source>Formula lexicon</source>
        <translation>提法库</translation>
    </message>
    <message>
        <source>Filter by formula, variant, expansion, category…</source>
        <translation>按提法、变体、释义、类别筛选…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;store shipped</source>
        <translation>恢复内置(&amp;S)</translation>
    </message>
    <message>
        <source>Drop your changes to the selected formulas</source>
        <translation>撤销你对选中提法的修改，恢复内置版本</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Re&amp;do</source>
        <translation>重做(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import TSV…</source>
        <translation>导入 TSV(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport TSV…</source>
        <translation>导出 TSV(&amp;X)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n formula(s)</source>
        <translation>
            <numerusform>%n 条提法</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <source>Add “%1”</source>
        <translation>添加“%1”</translation>
    </message>
    <message>
        <source>Saved “%1” in this library.</source>
        <translation>已在本文库中保存“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n formula(s)</source>
        <translation>
            <numerusform>删除 %n 条提法</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed %1. Undo puts it back.</source>
        <translation>已删除 %1。撤销可恢复。</translation>
    </message>
    <message numerus="yes">
        <source>Restore %n formula(s)</source>
        <translation>
            <numerusform>恢复 %n 条提法</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot import formula entries</source>
        <translation>无法导入提法条目</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n formula entrie(s) from %1.</source>
        <translation>
            <numerusform>已从 %1 导入 %n 条提法。</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could not be read and were skipped:</source>
        <translation>
            <numerusform>%n 行无法读取，已跳过：</numerusform>
        </translation>
    </message>
    <message>
        <source>Some rows were skipped</source>
        <translation>部分行已跳过</translation>
    </message>
    <message>
        <source>Cannot export formula entries</source>
        <translation>无法导出提法条目</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n formula entrie(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 条提法导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LexiconEntryDialog</name>
    <message>
        <source>first seen in the library</source>
        <translation>以文库中首次出现为准</translation>
    </message>
    <message>
        <source>&amp;Formula:</source>
        <translation>提法(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Variants:</source>
        <translation>变体(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Outdated wordings:</source>
        <translation>过时说法(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Expansion:</source>
        <translation>释义(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>First official &amp;use:</source>
        <translation>首次正式使用(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Source of the year:</source>
        <translation>年份出处(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Separate several wordings with |</source>
        <translation>多个说法用 | 分隔</translation>
    </message>
    <message>
        <source>Edit formula</source>
        <translation>编辑提法</translation>
    </message>
    <message>
        <source>Add formula</source>
        <translation>添加提法</translation>
    </message>
    <message>
        <source>Type the formula&apos;s canonical wording.</source>
        <translation>请输入提法的规范表述。</translation>
    </message>
    <message>
        <source>“%1” has no characters to match.</source>
        <translation>“%1”没有可供匹配的字符。</translation>
    </message>
    <message>
        <source>A wording is already the formula “%1”.</source>
        <translation>其中一个说法已是提法“%1”。</translation>
    </message>
</context>
<context>
    <name>LexiconTableModel</name>
    <message>
        <source>Formula</source>
        <extracomment>canonical → earliest library date, once computed (None: not yet known)</extracomment>
        <translation>提法</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>释义</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>First used</source>
        <translation>首次使用</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Outdated wordings</source>
        <translation>过时说法</translation>
    </message>
    <message>
        <source>No verified year of first official use, and no dated speech uses it</source>
        <translation>无经核实的首次正式使用年份，文库中也没有注明日期的讲话使用它</translation>
    </message>
    <message>
        <source>No verified year of first official use: first seen in the library</source>
        <translation>无经核实的首次正式使用年份：以文库中首次出现为准</translation>
    </message>
    <message>
        <source>in the library</source>
        <translation>文库中首见</translation>
    </message>
    <message>
        <source>library %1</source>
        <extracomment>Works out, in the background, when the library first used each undated formula.</extracomment>
        <translation>文库 %1</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>LibraryCheck</name>
    <message>
        <source>The library is damaged</source>
        <translation>文库已损坏</translation>
    </message>
</context>
<context>
    <name>LibraryChooser</name>
    <message>
        <source>Cannot open the library</source>
        <extracomment>Set by the start-up benchmark: print this marker and quit once the window is shown. The user chose Quit when the library could not be opened (the command then fails, as before).</extracomment>
        <translation>无法打开文库</translation>
    </message>
    <message>
        <source>Open a library</source>
        <translation>打开文库</translation>
    </message>
    <message>
        <source>Create a new library</source>
        <translation>新建文库</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name for a new library</source>
        <translation>%1 已存在；请为新文库另选一个文件名</translation>
    </message>
    <message>
        <source>Empty library file</source>
        <translation>空的文库文件</translation>
    </message>
    <message>
        <source>%1 is empty. A library can be emptied when the disk was full; if you expected your documents here, keep the file and restore a backup instead.

Make it a new, empty library?</source>
        <translation>%1 是空文件。磁盘写满时文库可能被清空；如果您的文档本应在此，请保留该文件并从备份恢复。

要把它作为一个新的空文库吗？</translation>
    </message>
    <message>
        <source>Duidu cannot use this library. It has not been changed.</source>
        <translation>对读无法使用此文库。该文件未作任何改动。</translation>
    </message>
    <message>
        <source>Open another library…</source>
        <translation>打开其他文库…</translation>
    </message>
    <message>
        <source>Create a new library…</source>
        <translation>新建文库…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <extracomment>The text columns and the row field each shows.</extracomment>
        <translation>标题</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>讲话人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Region / organisation</source>
        <translation>地区/单位</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>文种</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>字数</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <extracomment>The user asked to compare these speeches (2–8 ids); the compare view connects here. The user chose another language or appearance in the preferences. The user asked to open or create another library (&quot;open&quot; or &quot;new&quot;). The user picked a library from File → Open recent. The table holds the library&apos;s rows (after start-up, an import, a switch); carries the count. Set by the compare view when it connects to `compare_requested`.</extracomment>
        <translation>文库</translation>
    </message>
    <message>
        <source>Loading the library…</source>
        <translation>正在载入文库…</translation>
    </message>
    <message>
        <source>Cannot read the library</source>
        <translation>无法读取文库</translation>
    </message>
    <message>
        <source>Duidu — %1</source>
        <translation>对读 — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n speech(es)</source>
        <translation>
            <numerusform>%n 篇讲话</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>显示 %n 篇</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome to Duidu</source>
        <translation>欢迎使用对读</translation>
    </message>
    <message>
        <source>Your library is empty. Import the demo library — a few speeches written for Duidu that share passages and formulas — to try reading and comparing?</source>
        <translation>文库还是空的。要导入示例文库试试阅读和比对吗？示例文库是为对读编写的几篇讲话，彼此有共同的段落和提法。</translation>
    </message>
    <message>
        <source>This text is already in the library.</source>
        <translation>文库中已有这篇文本。</translation>
    </message>
    <message>
        <source>The library was not changed</source>
        <translation>文库未作更改</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n speech(es) from the library?</source>
        <translation>
            <numerusform>从文库中删除 %n 篇讲话？</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Remove speeches</source>
        <translation>删除讲话</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n speech(es)</source>
        <translation>
            <numerusform>删除 %n 篇讲话</numerusform>
        </translation>
    </message>
    <message>
        <source>Select 2 to 8 speeches to compare.</source>
        <translation>请选择 2 至 8 篇讲话进行比对。</translation>
    </message>
    <message>
        <source>The compare view is not available in this version yet.</source>
        <translation>此版本尚未提供比对视图。</translation>
    </message>
    <message>
        <source>No other libraries yet</source>
        <translation>暂无其他文库</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Edit speech details</source>
        <translation>编辑讲话信息</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>YYYY-MM-DD、YYYY-MM 或 YYYY</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>多个标签用逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Speaker:</source>
        <translation>讲话人(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>职务(&amp;R)：</translation>
    </message>
    <message>
        <source>Region / &amp;organisation:</source>
        <translation>地区/单位(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>O&amp;ccasion:</source>
        <translation>场合(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Genre:</source>
        <translation>文种(&amp;G)：</translation>
    </message>
    <message>
        <source>So&amp;urce:</source>
        <translation>来源(&amp;U)：</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>标签(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Not a date Duidu can read: write 2023-04-12, 2023年4月12日, 2023-04 or 2023.</source>
        <translation>无法识别的日期：请写成 2023-04-12、2023年4月12日、2023-04 或 2023。</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <source>Selected speeches</source>
        <extracomment>Pairs drawn in the graph (the strongest); the table lists them all. worker processes of the scan&apos;s local Dask cluster (None: all cores; 0: in this process) what the last scan did, said once with the network it leads to</extracomment>
        <translation>所选讲话</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <source>copied at least</source>
        <translation>重复率至少</translation>
    </message>
    <message>
        <source>Build network</source>
        <translation>生成关系图</translation>
    </message>
    <message>
        <source>Likely source</source>
        <translation>可能的来源</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Copied in</source>
        <translation>抄用者</translation>
    </message>
    <message>
        <source>Of the later</source>
        <translation>占后者</translation>
    </message>
    <message>
        <source>Of the earlier</source>
        <translation>占前者</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Select at least two speeches in the library, or choose the whole library.</source>
        <translation>请在文库中至少选择两篇讲话，或选择整个文库。</translation>
    </message>
    <message>
        <source>Measuring which speeches copy which…</source>
        <translation>正在测算讲话之间的抄用关系…</translation>
    </message>
    <message>
        <source>Scanning the library: %1 % of the pairs measured</source>
        <translation>正在扫描文库：已测算 %1% 的讲话对</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>约剩 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scanned %n speech(es)</source>
        <translation>
            <numerusform>已扫描 %n 篇讲话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) sharing copied prose stored</source>
        <translation>
            <numerusform>已保存 %n 对共用抄用文字的讲话</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting the library scan…</source>
        <translation>正在启动文库扫描…</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) above the threshold</source>
        <translation>
            <numerusform>%n 对超过阈值</numerusform>
        </translation>
    </message>
    <message>
        <source>from the library scan</source>
        <translation>来自文库扫描</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) measured</source>
        <translation>
            <numerusform>已测算 %n 对</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the graph shows the strongest %n</source>
        <translation>
            <numerusform>图中显示最强的 %n 对</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weaker pair(s) not measured: raise the threshold or scan the library (Trace menu)</source>
        <translation>
            <numerusform>另有 %n 对较弱的未测算：请提高阈值或扫描文库（溯源菜单）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OcrBanner</name>
    <message>
        <source>Text recognised by OCR from page images: check quotations against the original.</source>
        <translation>本文由 OCR 从页面图像识别而来：引用前请与原件核对。</translation>
    </message>
</context>
<context>
    <name>OpenDocument</name>
    <message>
        <source>There is no speech #%1 in this library.</source>
        <translation>本文库中没有 #%1 号讲话。</translation>
    </message>
    <message>
        <source>%1: no such file, and not a library id.</source>
        <translation>%1：没有这个文件，也不是文库编号。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is already in the library as #%2.</source>
        <translation>%1 已在文库中，编号 #%2。</translation>
    </message>
    <message>
        <source>not in the library</source>
        <translation>未收入文库</translation>
    </message>
    <message>
        <source>This file is not in the library. Import it to edit its details, trace it and compare it with other speeches.</source>
        <translation>此文件不在文库中。导入后即可编辑其信息、溯源，并与其他讲话比对。</translation>
    </message>
    <message>
        <source>Import into &amp;library</source>
        <translation>导入文库(&amp;L)</translation>
    </message>
    <message>
        <source>%1 was imported into the library as #%2.</source>
        <translation>%1 已导入文库，编号 #%2。</translation>
    </message>
    <message>
        <source>Cannot import the speech</source>
        <translation>无法导入讲话</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot open the speech</source>
        <translation>无法打开讲话</translation>
    </message>
</context>
<context>
    <name>OutlineView</name>
    <message>
        <source>No headings found</source>
        <extracomment>Code-point offset of the heading the user picked.</extracomment>
        <translation>未找到标题</translation>
    </message>
</context>
<context>
    <name>PaneHeader</name>
    <message>
        <source>Lead</source>
        <translation>主导</translation>
    </message>
    <message>
        <source>Scroll the other panes along with this one</source>
        <translation>其他窗格随此窗格滚动</translation>
    </message>
    <message>
        <source>The colour of this speech&apos;s passages in the other panes</source>
        <translation>此讲话的段落在其他窗格中的颜色</translation>
    </message>
    <message>
        <source>{0:.1%} of this speech is shared with the others</source>
        <translation>此讲话有 {0:.1%} 与其他讲话相同</translation>
    </message>
    <message>
        <source>shared with the others: {0:.1%}</source>
        <translation>与其他讲话相同：{0:.1%}</translation>
    </message>
</context>
<context>
    <name>ParamsBar</name>
    <message>
        <source>Min. length</source>
        <extracomment>What the boxes accept (remembered values outside these fall back to the defaults).</extracomment>
        <translation>最短长度</translation>
    </message>
    <message>
        <source>Shortest passage, in characters without punctuation</source>
        <translation>段落的最短长度（不计标点的字数）</translation>
    </message>
    <message>
        <source>Min. similarity</source>
        <translation>最低相似度</translation>
    </message>
    <message>
        <source>Lowest similarity of a near-copy (1 = identical)</source>
        <translation>近似雷同的最低相似度（1 = 完全相同）</translation>
    </message>
    <message>
        <source>Count formulas</source>
        <translation>计入提法</translation>
    </message>
    <message>
        <source>Count shared formulas as copied text in the ratios (they are left out by default)</source>
        <translation>在比例中把共用提法算作雷同文字（默认不计）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%v of %m pairs</source>
        <translation>%v / %m 对</translation>
    </message>
</context>
<context>
    <name>PassageDock</name>
    <message>
        <source>Min. length</source>
        <translation>最短长度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>文档对</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>雷同</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>提法</translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation>所有文档对</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <source>Passages ({0})</source>
        <translation>段落（{0}）</translation>
    </message>
</context>
<context>
    <name>PassagePanel</name>
    <message>
        <source>Paste a passage, or select text in a speech and choose Trace → Where else does this appear?</source>
        <translation>粘贴一段文字，或在讲话中选中文字后选择“溯源 → 这段文字还出现在哪里？”</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>在文库中查找</translation>
    </message>
    <message>
        <source>Hide boilerplate and formulas</source>
        <translation>隐藏套话和提法</translation>
    </message>
    <message>
        <source>Show only copies: text that one other speech shares, not the common wording many speeches of the library have (boilerplate) or a formula of the lexicon.</source>
        <translation>只显示抄用：与另一篇讲话共有的文字，不含文库中许多讲话都有的通用表述（套话）或词库中的提法。</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>讲话</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>In context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Searching the library…</source>
        <translation>正在文库中查找…</translation>
    </message>
    <message>
        <source>boilerplate</source>
        <translation>套话</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>提法</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>抄用</translation>
    </message>
    <message numerus="yes">
        <source>Found in %n speech(es)</source>
        <translation>
            <numerusform>见于 %n 篇讲话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copied passage(s)</source>
        <translation>
            <numerusform>%n 处抄用段落</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n formula or boilerplate passage(s) hidden</source>
        <translation>
            <numerusform>已隐藏 %n 处提法或套话段落</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n formula or boilerplate passage(s)</source>
        <translation>
            <numerusform>%n 处提法或套话段落</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more candidate(s) not checked</source>
        <translation>
            <numerusform>另有 %n 篇候选未核对</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found anywhere else in the library.</source>
        <translation>文库中别处未见。</translation>
    </message>
</context>
<context>
    <name>PassageTableModel</name>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Position A</source>
        <translation>位置 A</translation>
    </message>
    <message>
        <source>Position B</source>
        <translation>位置 B</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>提法</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>雷同</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <source>Paste text as a new speech</source>
        <translation>粘贴文本为新讲话</translation>
    </message>
    <message>
        <source>Leave empty to take it from the text</source>
        <translation>留空则从文本中识别</translation>
    </message>
    <message>
        <source>Paste the speech here (Ctrl+V)</source>
        <translation>在此粘贴讲话全文（Ctrl+V）</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>外观(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Redacted in the source ({0} characters)</source>
        <translation>原文已隐去（{0} 字）</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Actual Size</source>
        <translation>实际大小</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>unsupported format (%1)</source>
        <translation>不支持的格式（%1）</translation>
    </message>
    <message>
        <source>not enough memory to read the file</source>
        <translation>内存不足，无法读取该文件</translation>
    </message>
    <message>
        <source>cannot read %1 file (%2)</source>
        <translation>无法读取 %1 文件（%2）</translation>
    </message>
    <message>
        <source>no text in the document</source>
        <translation>文档中没有文字</translation>
    </message>
    <message>
        <source>no text in the page</source>
        <translation>网页中没有文字</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>cannot read file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>cannot read folder: %1</source>
        <translation>无法读取文件夹：%1</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>file too large (%1; the limit is %2)</source>
        <translation>文件过大（%1；上限为 %2）</translation>
    </message>
    <message>
        <source>file too large (more than %1, the limit)</source>
        <translation>文件过大（超过上限 %1）</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <source>not a readable .docx file (damaged or truncated: %1)</source>
        <translation>无法读取的 .docx 文件（已损坏或不完整：%1）</translation>
    </message>
    <message>
        <source>not a readable .%1 file (damaged or truncated: %2)</source>
        <translation>无法读取的 .%1 文件（已损坏或不完整：%2）</translation>
    </message>
    <message>
        <source>not a readable .%1 file (more than %2 parts)</source>
        <translation>无法读取的 .%1 文件（部件超过 %2 个）</translation>
    </message>
    <message>
        <source>too large when unpacked (%1 is more than %2)</source>
        <translation>解压后过大（%1 超过 %2）</translation>
    </message>
    <message>
        <source>too many elements in %1 (more than %2)</source>
        <translation>%1 中的元素过多（超过 %2 个）</translation>
    </message>
    <message>
        <source>nested too deeply in %1 (more than %2 levels)</source>
        <translation>%1 嵌套过深（超过 %2 层）</translation>
    </message>
    <message>
        <source>damaged part %1 (%2)</source>
        <translation>部件 %1 已损坏（%2）</translation>
    </message>
    <message>
        <source>unsupported compression in %1 (%2)</source>
        <translation>%1 使用了不支持的压缩方式（%2）</translation>
    </message>
    <message>
        <source>too many pages (%1; the limit is %2)</source>
        <translation>页数过多（%1 页；上限为 %2 页）</translation>
    </message>
    <message>
        <source>not a readable PDF (%1)</source>
        <translation>无法读取的 PDF（%1）</translation>
    </message>
    <message>
        <source>encrypted PDF that cannot be opened (%1); no text layer</source>
        <translation>加密的 PDF 无法打开（%1）；读不到文字层</translation>
    </message>
    <message>
        <source>encrypted PDF (password required); no text layer can be read</source>
        <translation>加密的 PDF（需要密码）；读不到文字层</translation>
    </message>
    <message>
        <source>no text layer (image-only or scanned PDF)</source>
        <translation>没有文字层（纯图片或扫描版 PDF）</translation>
    </message>
    <message>
        <source>binary file (control characters), not text</source>
        <translation>二进制文件（含控制字符），不是文本</translation>
    </message>
    <message>
        <source>binary file (contains NUL bytes), not text</source>
        <translation>二进制文件（含 NUL 字节），不是文本</translation>
    </message>
    <message>
        <source>undecodable bytes (no known encoding fits)</source>
        <translation>无法解码（没有相符的已知编码）</translation>
    </message>
    <message>
        <source>undecodable bytes (starts with a %1 mark but is not %2)</source>
        <translation>无法解码（以 %1 标记开头，但内容不是 %2）</translation>
    </message>
    <message>
        <source>undecodable bytes (not UTF-8, GB18030, Big5 or another known encoding)</source>
        <translation>无法解码（不是 UTF-8、GB18030、Big5 或其他已知编码）</translation>
    </message>
    <message>
        <source>notes file, not a speech</source>
        <translation>说明文件，不是讲话</translation>
    </message>
    <message>
        <source>link to a folder, not followed (name the folder itself to import it)</source>
        <translation>指向文件夹的链接，未跟随（要导入请直接选择该文件夹）</translation>
    </message>
    <message>
        <source>unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>could not store: %1</source>
        <translation>无法存入文库：%1</translation>
    </message>
    <message>
        <source>%1 is locked by another program; try again when it has finished</source>
        <translation>%1 正被其他程序锁定；请待其完成后重试</translation>
    </message>
    <message>
        <source>%1 is read-only (%2); Duidu cannot write to it</source>
        <translation>%1 是只读的（%2）；对读无法写入</translation>
    </message>
    <message>
        <source>%1 is read-only; Duidu cannot write to it</source>
        <translation>%1 是只读的；对读无法写入</translation>
    </message>
    <message>
        <source>%1 cannot be written: its folder %2 is read-only</source>
        <translation>%1 无法写入：所在文件夹 %2 是只读的</translation>
    </message>
    <message>
        <source>%1 is damaged or not a Duidu library (%2); it was left untouched</source>
        <translation>%1 已损坏或不是对读文库（%2）；未作任何改动</translation>
    </message>
    <message>
        <source>%1 is an empty file, not a Duidu library; it was left untouched (choose a new file name to make a new library)</source>
        <translation>%1 是空文件，不是对读文库；未作任何改动（如要新建文库，请另选一个文件名）</translation>
    </message>
    <message>
        <source>%1 is not a Duidu library (not an SQLite database); it was left untouched</source>
        <translation>%1 不是对读文库（不是 SQLite 数据库）；未作任何改动</translation>
    </message>
    <message>
        <source>%1 is a database but not a Duidu library; it was left untouched</source>
        <translation>%1 是数据库，但不是对读文库；未作任何改动</translation>
    </message>
    <message>
        <source>%1 was created by a newer Duidu (schema %2); update Duidu to open it</source>
        <translation>%1 由更新版本的对读创建（结构版本 %2）；请升级对读后再打开</translation>
    </message>
    <message>
        <source>%1 needs a schema upgrade; open it once with write access</source>
        <translation>%1 需要升级数据结构；请以可写方式打开一次</translation>
    </message>
    <message>
        <source>%1 is neither a file path nor a database URL</source>
        <translation>%1 既不是文件路径，也不是数据库地址</translation>
    </message>
    <message>
        <source>%1 is a folder, not a library file</source>
        <translation>%1 是文件夹，不是文库文件</translation>
    </message>
    <message>
        <source>no library at %1</source>
        <translation>%1 处没有文库</translation>
    </message>
    <message>
        <source>cannot create a library in %1: the folder does not exist</source>
        <translation>无法在 %1 中新建文库：该文件夹不存在</translation>
    </message>
    <message>
        <source>cannot open %1 (%2)</source>
        <translation>无法打开 %1（%2）</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>%1: database error: %2</source>
        <translation>%1：数据库错误：%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot use %1: %2</source>
        <translation>无法使用 %1：%2</translation>
    </message>
    <message>
        <source>a text search needs at least %1 characters</source>
        <translation>全文检索至少需要 %1 个字</translation>
    </message>
    <message>
        <source>no file extension</source>
        <translation>无扩展名</translation>
    </message>
    <message>
        <source>the library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>Word document older than Word 97 (not supported; save it as .docx)</source>
        <translation>Word 97 之前的 Word 文档（不支持；请另存为 .docx）</translation>
    </message>
    <message>
        <source>damaged Word document (no %1 stream)</source>
        <translation>Word 文档已损坏（缺少 %1 流）</translation>
    </message>
    <message>
        <source>damaged Word document (no piece table)</source>
        <translation>Word 文档已损坏（缺少文本片段表）</translation>
    </message>
    <message>
        <source>damaged Word document (text runs past the end of the file)</source>
        <translation>Word 文档已损坏（文本超出文件末尾）</translation>
    </message>
    <message>
        <source>damaged Word document (truncated piece table)</source>
        <translation>Word 文档已损坏（文本片段表不完整）</translation>
    </message>
    <message>
        <source>damaged or truncated Word document (piece table out of range)</source>
        <translation>Word 文档已损坏或不完整（文本片段表越界）</translation>
    </message>
    <message>
        <source>damaged or truncated document (%1)</source>
        <translation>文档已损坏或不完整（%1）</translation>
    </message>
    <message>
        <source>encrypted document (password required)</source>
        <translation>加密文档（需要密码）</translation>
    </message>
    <message>
        <source>not a Word 97–2003 document (no Word file header)</source>
        <translation>不是 Word 97–2003 文档（没有 Word 文件头）</translation>
    </message>
    <message>
        <source>not a Word 97–2003 or WPS document (no OLE compound file header)</source>
        <translation>不是 Word 97–2003 或 WPS 文档（没有 OLE 复合文件头）</translation>
    </message>
    <message>
        <source>not a Word or WPS Writer document (an OLE file without a WordDocument stream: Works, Excel or an old WPS format)</source>
        <translation>不是 Word 或 WPS 文字文档（OLE 文件中没有 WordDocument 流：可能是 Works、Excel 或旧版 WPS 格式）</translation>
    </message>
    <message>
        <source>damaged OFD file (OFD.xml has no DocBody)</source>
        <translation>OFD 文件已损坏（OFD.xml 中没有 DocBody）</translation>
    </message>
    <message>
        <source>damaged OFD file (%1 %2 is missing)</source>
        <translation>OFD 文件已损坏（缺少%1 %2）</translation>
    </message>
    <message>
        <source>damaged OFD file (no DocRoot)</source>
        <translation>OFD 文件已损坏（没有 DocRoot）</translation>
    </message>
    <message>
        <source>no text in the OFD file (image-only pages?)</source>
        <translation>OFD 文件中没有文字（页面可能只有图像）</translation>
    </message>
    <message>
        <source>not an RTF file (no {\rtf header)</source>
        <translation>不是 RTF 文件（没有 {\rtf 文件头）</translation>
    </message>
    <message>
        <source>truncated RTF file</source>
        <translation>RTF 文件不完整</translation>
    </message>
    <message>
        <source>not a web archive (no MIME parts)</source>
        <translation>不是网页归档文件（没有 MIME 部件）</translation>
    </message>
    <message>
        <source>web archive with an empty page</source>
        <translation>网页归档中的页面为空</translation>
    </message>
    <message>
        <source>web archive without a page (no HTML part)</source>
        <translation>网页归档中没有页面（没有 HTML 部件）</translation>
    </message>
    <message>
        <source>damaged image (%1: %2)</source>
        <translation>图像已损坏（%1：%2）</translation>
    </message>
    <message>
        <source>too large when unpacked (an image of more than %1 pixels)</source>
        <translation>解压后过大（图像超过 %1 像素）</translation>
    </message>
    <message>
        <source>too large when unpacked (an image of %1×%2 pixels)</source>
        <translation>解压后过大（图像 %1×%2 像素）</translation>
    </message>
    <message>
        <source>not a readable image (%1)</source>
        <translation>不是可读的图像（%1）</translation>
    </message>
    <message>
        <source>no text layer and no text recognised (blank or unreadable scan)</source>
        <translation>没有文字层，也未识别出文字（空白或无法辨认的扫描件）</translation>
    </message>
    <message>
        <source>no text recognised in the image</source>
        <translation>图像中未识别出文字</translation>
    </message>
    <message>
        <source>recognised text could not be stored as read (line ends changed)</source>
        <translation>识别出的文字无法按原样保存（换行符发生了变化）</translation>
    </message>
    <message>
        <source>cancelled while recognising text (OCR)</source>
        <translation>文字识别（OCR）过程中已取消</translation>
    </message>
    <message>
        <source>no OCR engine in this installation (%1 missing)</source>
        <translation>此安装中没有 OCR 引擎（缺少 %1）</translation>
    </message>
    <message>
        <source>OCR model missing from this installation: %1</source>
        <translation>此安装中缺少 OCR 模型：%1</translation>
    </message>
    <message>
        <source>%1 (%2 is more than %3)</source>
        <translation>%1（%2 超过 %3）</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search titles, speakers, tags and full text…</source>
        <translation>搜索标题、讲话人、标签和全文…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比对</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Filter by command or key…</source>
        <translation>按命令或按键筛选…</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Find similar speeches</source>
        <translation>查找相似讲话</translation>
    </message>
    <message>
        <source>Compare side by side</source>
        <translation>并排对读</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>讲话</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Of this speech</source>
        <translation>占本篇</translation>
    </message>
    <message>
        <source>Of that speech</source>
        <translation>占该篇</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>段数</translation>
    </message>
    <message>
        <source>Longest shared passage</source>
        <translation>最长共有段落</translation>
    </message>
    <message>
        <source>Why here</source>
        <translation>排序依据</translation>
    </message>
    <message>
        <source>Speeches sharing copied text with: %1</source>
        <translation>与以下讲话有共同文字的讲话：%1</translation>
    </message>
    <message>
        <source>Open a speech (or select one in the library) to find similar ones.</source>
        <translation>打开一篇讲话（或在文库中选中一篇），即可查找相似讲话。</translation>
    </message>
    <message>
        <source>Looking for similar speeches…</source>
        <translation>正在查找相似讲话…</translation>
    </message>
    <message numerus="yes">
        <source>%n similar speech(es)</source>
        <translation>
            <numerusform>%n 篇相似讲话</numerusform>
        </translation>
    </message>
    <message>
        <source>No speech in the library shares copied text with this one.</source>
        <translation>文库中没有与本篇有共同文字的讲话。</translation>
    </message>
    <message>
        <source>%1 characters of copied prose (%2 of this speech)</source>
        <translation>抄用文字 %1 字（占本篇 %2）</translation>
    </message>
    <message>
        <source>ties with the next on copied prose; first as the closer version (%1 of it is in this speech, against %2)</source>
        <translation>与下一篇抄用文字相同；版本更接近者在前（其 %1 见于本篇，对方为 %2）</translation>
    </message>
    <message>
        <source>ties with the next on copied prose; first as the newer (%1 against %2)</source>
        <translation>与下一篇抄用文字相同；较新者在前（%1 对 %2）</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>ties with the next on copied prose; first by library number</source>
        <translation>与下一篇抄用文字相同；按文库编号排序</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>SimilarityMatrix</name>
    <message>
        <source>{0:.1%} of {1}
is shared with {2}
(click to compare the two)</source>
        <extracomment>Light-to-dark sequential blue (perceptually ordered, readable for the common colour-vision deficiencies). The user clicked cell (row, column); row != column.</extracomment>
        <translation>{1} 有 {0:.1%}
与 {2} 相同
（点击比对这两篇）</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop this search</source>
        <translation>停止本次查询</translation>
    </message>
</context>
<context>
    <name>TraceActions</name>
    <message>
        <source>T&amp;race</source>
        <translation>溯源(&amp;R)</translation>
    </message>
    <message>
        <source>Show the &amp;Trace panels</source>
        <translation>显示溯源面板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Similar speeches</source>
        <translation>相似讲话(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Where else does this passage appear?</source>
        <translation>这段文字还出现在哪里？(&amp;W)</translation>
    </message>
    <message>
        <source>Formula &amp;concordance and timeline</source>
        <translation>提法用例与时间线(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;network</source>
        <translation>抄用关系图(&amp;N)</translation>
    </message>
    <message>
        <source>Scan &amp;library…</source>
        <translation>扫描文库(&amp;L)…</translation>
    </message>
    <message>
        <source>Measure every pair of speeches sharing copied prose and store them for the copy network</source>
        <translation>测算所有共用抄用文字的讲话对，并保存供抄用关系图使用</translation>
    </message>
</context>
<context>
    <name>TraceDock</name>
    <message>
        <source>Trace</source>
        <extracomment>The window&apos;s Trace menu, once `install_trace` made it (retranslated with the dock).</extracomment>
        <translation>溯源</translation>
    </message>
    <message>
        <source>Similar speeches</source>
        <translation>相似讲话</translation>
    </message>
    <message>
        <source>Passage search</source>
        <translation>段落溯源</translation>
    </message>
    <message>
        <source>Formula timeline</source>
        <translation>提法时间线</translation>
    </message>
    <message>
        <source>Formula table</source>
        <translation>提法统计表</translation>
    </message>
    <message>
        <source>Copy network</source>
        <translation>抄用关系图</translation>
    </message>
    <message numerus="yes">
        <source>Indexed %n speech(es) for tracing.</source>
        <translation>
            <numerusform>已为溯源建立 %n 篇讲话的索引。</numerusform>
        </translation>
    </message>
    <message>
        <source>Indexing speeches for tracing: %1 of %2…</source>
        <translation>正在为溯源建立讲话索引：第 %1 篇，共 %2 篇…</translation>
    </message>
</context>
<context>
    <name>TracePanel</name>
    <message>
        <source>Stopped: %1</source>
        <extracomment>Open the pair side by side (two document ids). Open a speech and show a span of it: (document id, start, end). A query finished and its results are shown.</extracomment>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开的文库(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>文库(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Paste text as a new speech…</source>
        <translation>粘贴文本为新讲话(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Open library…</source>
        <translation>打开文库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;New library…</source>
        <translation>新建文库(&amp;N)…</translation>
    </message>
    <message>
        <source>Import the &amp;demo library</source>
        <translation>导入示例文库(&amp;D)</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>阅读(&amp;R)</translation>
    </message>
    <message>
        <source>Edit &amp;details…</source>
        <translation>编辑信息(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>删除(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比对(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Search the library</source>
        <translation>搜索文库(&amp;S)</translation>
    </message>
    <message>
        <source>Show the &amp;library</source>
        <translation>显示文库(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>Clear search and &amp;filters</source>
        <translation>清除搜索和筛选(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;About Duidu</source>
        <translation>关于对读(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Compare 2 to 8 selected speeches side by side</source>
        <translation>并排比对选中的 2 至 8 篇讲话</translation>
    </message>
</context>
</TS>
