<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>Import documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export reviewed documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest for this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest for all documents to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train from reviewed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next item, accepted ones too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous item, accepted ones too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the accepted highlight or the focused argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the word at the caret, then one more word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One word less in the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grow: move the left edge one word left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrink: move the left edge one word right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grow: move the right edge one word right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrink: move the right edge one word left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear focus and selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next argument of the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous argument of the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept all remaining in this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark reviewed and open next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore document and open next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen document for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entities list (Enter shows the entity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events list (Enter shows the event)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the sample articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argument role: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementPanel</name>
    <message>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohen&apos;s κ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement by label (× 100, the label against the rest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing agreement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document has been reviewed by two annotators yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α %1 over %2 documents reviewed by all (%3 units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document was reviewed by all the annotators: α needs one; the pairs are below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>No document open: import articles with File → Import (Ctrl+O, a folder: Ctrl+Shift+O), or try the sample articles from Help → Load the sample articles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CurationWindow</name>
    <message>
        <source>Hakam — curation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents to curate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readings of this difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1–9 take that reading · 0 take none · E then a label key: relabel · N / P next or previous difference · PgDown / PgUp next or previous document · Ctrl+Z / Ctrl+Shift+Z undo or redo · Shift+←/→, Ctrl+Shift+←/→ resize what was taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No label has the key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relabel: press the label&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to curate yet: no document has been reviewed by all its annotators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took reading %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took none of the readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relabelled %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing taken here to resize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items taken here: resizing works on one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resized to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The annotators agree on everything here; it is all in the curated layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference %1 of %2 (%3) · %4 open in this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none taken)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Documents reviewed per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions per hour, by annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted entities by label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted events by type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions accepted unchanged, by label (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions accepted unchanged, by model version (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning curve: held-out F1 by training documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviewed documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 documents reviewed · %3 decisions · %4 suggestions pending · %5 accepted unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trained model yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plot as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntityList</name>
    <message>
        <source>suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventCard</name>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add focused entity or selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments (G: next, R then a letter: role, Delete: remove)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus an event trigger (coloured text) to edit its event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: write a whole number, 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: write a date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a valid value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileWork</name>
    <message>
        <source>Please wait: another task is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions ready for %1 documents: J goes to the first one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggesting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.jsonl *.json *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder of documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PostgreSQL server checks its own pages; nothing to check here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is sound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 problems found:
%2

To save what can be saved into a new file, run &apos;hakam check --repair&apos; in a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hakam was not closed properly last time; the database was checked and is sound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hakam was not closed properly last time, and the database check found:
%1

Run &apos;hakam check --repair&apos; in a terminal to save what can be saved into a new file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 sample articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; suggesting for them in the background…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export reviewed documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 documents to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard (F1, ? or Esc to close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrows follow the right-to-left text: Shift+← grows the focused highlight to the left, Ctrl+Shift+→ grows it to the right. To mark new text: W selects the word at the caret, each W adds the next word, Shift+W drops one; then a digit gives the label.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Dotted underline: suggested · solid tint: accepted · coloured text: event trigger · box with a role tag: argument of the selected event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hakam — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more documents in this queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 reviewed · %3 decisions today · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, recorded on every decision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is still unavailable: %1 decisions are not saved yet. Hakam keeps retrying while it stays open. Quit anyway and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlotCard</name>
    <message>
        <source>Export as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1 as PNG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Popup</name>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
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
        <source>your login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded on every decision. A database keeps the name it was first opened with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
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
        <source>&amp;Suggest for imported documents (in the background)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotator name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article &amp;font size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database in use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database (file or postgresql:// URL):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language rebuilds the window at once; the database file takes effect the next time Hakam starts (--db and $HAKAM_DB, when given, still come first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hakam databases (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database must be a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please correct: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the preferences: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most uncertain first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search text…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reviewer</name>
    <message>
        <source>Nothing is focused: press J to go to the next suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is focused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select text or focus an entity to give it a label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus a highlight to resize it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a trigger word first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus an event trigger first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus an entity or select text to assign a role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press G to focus an argument of the selected event first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoresTable</name>
    <message>
        <source>P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All entities (micro)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All event triggers (micro)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no active version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training documents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>No suggestions left to review in this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is highlighted in this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected event has no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database unavailable, retrying: %1 decisions waiting, none lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database back: %1 waiting decisions written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Train from reviewed documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use the new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the previous version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new model version will learn from the %1 reviewed documents. Its held-out scores are shown next to the active version&apos;s before you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active now: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review and mark at least one document first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the reviewed documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training on four fifths of them, to score on the rest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring on the held-out documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training the new version on all reviewed documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing suggestions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to learn from: the reviewed documents have no accepted entities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training on the reviewed documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training was cancelled; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 held-out documents: too few to trust these scores (at least %2 are needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored on %1 held-out documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is trained; it has no held-out scores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: held-out F1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: held-out F1 %2 (the active %3: %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is active. Refreshing suggestions on %2 documents to review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is active; suggestions refreshed on %2 documents.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
