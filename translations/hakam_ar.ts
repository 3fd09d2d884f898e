<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>Import documents…</source>
        <translation>استيراد مستندات…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <source>Export reviewed documents…</source>
        <translation>تصدير المستندات المراجَعة…</translation>
    </message>
    <message>
        <source>Suggest for this document</source>
        <translation>اقتراح توسيمات لهذا المستند</translation>
    </message>
    <message>
        <source>Suggest for all documents to review</source>
        <translation>اقتراح توسيمات لكل المستندات قيد المراجعة</translation>
    </message>
    <message>
        <source>Annotator name…</source>
        <translation>اسم المُوسِّم…</translation>
    </message>
    <message>
        <source>Train from reviewed…</source>
        <translation>التدريب على المراجَع…</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>التفضيلات…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <source>Next item, accepted ones too</source>
        <translation>العنصر التالي، والمقبول منه أيضًا</translation>
    </message>
    <message>
        <source>Previous item, accepted ones too</source>
        <translation>العنصر السابق، والمقبول منه أيضًا</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Delete the accepted highlight or the focused argument</source>
        <translation>حذف التظليل المقبول أو الوسيط المحدد</translation>
    </message>
    <message>
        <source>Select the word at the caret, then one more word</source>
        <translation>تحديد الكلمة عند المؤشر، ثم كلمة أخرى</translation>
    </message>
    <message>
        <source>One word less in the selection</source>
        <translation>كلمة أقل في التحديد</translation>
    </message>
    <message>
        <source>Grow: move the left edge one word left</source>
        <translation>توسيع: تحريك الحافة اليسرى كلمةً نحو اليسار</translation>
    </message>
    <message>
        <source>Shrink: move the left edge one word right</source>
        <translation>تضييق: تحريك الحافة اليسرى كلمةً نحو اليمين</translation>
    </message>
    <message>
        <source>Grow: move the right edge one word right</source>
        <translation>توسيع: تحريك الحافة اليمنى كلمةً نحو اليمين</translation>
    </message>
    <message>
        <source>Shrink: move the right edge one word left</source>
        <translation>تضييق: تحريك الحافة اليمنى كلمةً نحو اليسار</translation>
    </message>
    <message>
        <source>Clear focus and selection</source>
        <translation>إلغاء التركيز والتحديد</translation>
    </message>
    <message>
        <source>Next argument of the selected event</source>
        <translation>الوسيط التالي للحدث المحدد</translation>
    </message>
    <message>
        <source>Previous argument of the selected event</source>
        <translation>الوسيط السابق للحدث المحدد</translation>
    </message>
    <message>
        <source>Accept all remaining in this document</source>
        <translation>قبول كل ما تبقّى في هذا المستند</translation>
    </message>
    <message>
        <source>Mark reviewed and open next</source>
        <translation>وسم المستند كمُراجَع وفتح التالي</translation>
    </message>
    <message>
        <source>Ignore document and open next</source>
        <translation>تجاهل المستند وفتح التالي</translation>
    </message>
    <message>
        <source>Reopen document for review</source>
        <translation>إعادة فتح المستند للمراجعة</translation>
    </message>
    <message>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>البحث في المستندات</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>لوحة المتابعة</translation>
    </message>
    <message>
        <source>Back to the article</source>
        <translation>العودة إلى المقال</translation>
    </message>
    <message>
        <source>Entities list (Enter shows the entity)</source>
        <translation>قائمة الكيانات (Enter يعرض الكيان)</translation>
    </message>
    <message>
        <source>Events list (Enter shows the event)</source>
        <translation>قائمة الأحداث (Enter يعرض الحدث)</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>تكبير النص</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>تصغير النص</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>الحجم العادي للنص</translation>
    </message>
    <message>
        <source>Keyboard help</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Load the sample articles</source>
        <translation>تحميل المقالات النموذجية</translation>
    </message>
    <message>
        <source>Check the database</source>
        <translation>فحص قاعدة البيانات</translation>
    </message>
    <message>
        <source>Label: %1</source>
        <translation>التسمية: %1</translation>
    </message>
    <message>
        <source>Event type: %1</source>
        <translation>نوع الحدث: %1</translation>
    </message>
    <message>
        <source>Argument role: %1</source>
        <translation>دور العنصر: %1</translation>
    </message>
</context>
<context>
    <name>AgreementPanel</name>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ</source>
        <translation>كابا كوهين</translation>
    </message>
    <message>
        <source>Span F1</source>
        <translation>F1 للمقاطع</translation>
    </message>
    <message>
        <source>Event F1</source>
        <translation>F1 للأحداث</translation>
    </message>
    <message>
        <source>Agreement by label (× 100, the label against the rest)</source>
        <translation>الاتفاق حسب التسمية (× 100، التسمية مقابل البقية)</translation>
    </message>
    <message>
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <source>No document has been reviewed by two annotators yet.</source>
        <translation>لم يراجع مُوسِّمان أي وثيقة بعد.</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>لا توجد بيانات بعد</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α %1 over %2 documents reviewed by all (%3 units)</source>
        <translation>ألفا كريبندورف %1 على %2 وثيقة راجعها الجميع (%3 وحدة)</translation>
    </message>
    <message>
        <source>No document was reviewed by all the annotators: α needs one; the pairs are below.</source>
        <translation>لم يراجع كل المُوسِّمين أي وثيقة: ألفا يحتاج واحدة على الأقل؛ الأزواج أدناه.</translation>
    </message>
    <message>
        <source>Agreement could not be computed: %1</source>
        <translation>تعذّر حساب الاتفاق: %1</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>No document open: import articles with File → Import (Ctrl+O, a folder: Ctrl+Shift+O), or try the sample articles from Help → Load the sample articles.</source>
        <translation>لا يوجد مستند مفتوح: استورد مقالات من ملف ← استيراد (Ctrl+O، ولمجلد: Ctrl+Shift+O)، أو جرّب المقالات النموذجية من مساعدة ← تحميل المقالات النموذجية.</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>مقترح</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>درجة الثقة %1</translation>
    </message>
</context>
<context>
    <name>CurationWindow</name>
    <message>
        <source>Hakam — curation</source>
        <translation>حَكَم — التنقيح</translation>
    </message>
    <message>
        <source>Documents to curate</source>
        <translation>وثائق للتنقيح</translation>
    </message>
    <message>
        <source>Readings of this difference</source>
        <translation>قراءات هذا الخلاف</translation>
    </message>
    <message>
        <source>1–9 take that reading · 0 take none · E then a label key: relabel · N / P next or previous difference · PgDown / PgUp next or previous document · Ctrl+Z / Ctrl+Shift+Z undo or redo · Shift+←/→, Ctrl+Shift+←/→ resize what was taken</source>
        <translation>1–9 اعتماد تلك القراءة · 0 لا شيء منها · E ثم مفتاح التسمية: إعادة التسمية · N / P الخلاف التالي أو السابق · PgDown / PgUp الوثيقة التالية أو السابقة · Ctrl+Z / Ctrl+Shift+Z تراجع أو إعادة · Shift+←/→ و Ctrl+Shift+←/→ تغيير حدود المعتمد</translation>
    </message>
    <message>
        <source>No label has the key %1</source>
        <translation>لا تسمية لها المفتاح %1</translation>
    </message>
    <message>
        <source>Relabel: press the label&apos;s key</source>
        <translation>إعادة التسمية: اضغط مفتاح التسمية</translation>
    </message>
    <message>
        <source>Nothing to curate yet: no document has been reviewed by all its annotators.</source>
        <translation>لا شيء للتنقيح بعد: لم يراجع كل المُوسِّمين أي وثيقة أُسندت إليهم.</translation>
    </message>
    <message>
        <source>Took reading %1 (%2)</source>
        <translation>اعتُمدت القراءة %1 (%2)</translation>
    </message>
    <message>
        <source>Took none of the readings</source>
        <translation>لم تُعتمد أي قراءة</translation>
    </message>
    <message>
        <source>Relabelled %1 as %2</source>
        <translation>أُعيدت تسمية %1 إلى %2</translation>
    </message>
    <message>
        <source>Nothing taken here to resize</source>
        <translation>لم يُعتمد هنا شيء لتغيير حدوده</translation>
    </message>
    <message>
        <source>%1 items taken here: resizing works on one</source>
        <translation>اعتُمد هنا %1 عناصر: تغيير الحدود يعمل على عنصر واحد</translation>
    </message>
    <message>
        <source>Resized to %1</source>
        <translation>صارت الحدود %1</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>لا شيء للتراجع عنه</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>تم التراجع: %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>لا شيء لإعادته</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>تمت الإعادة: %1</translation>
    </message>
    <message>
        <source>The annotators agree on everything here; it is all in the curated layer.</source>
        <translation>المُوسِّمون متفقون على كل شيء هنا، وكله في الطبقة المنقّحة.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>محسوم</translation>
    </message>
    <message>
        <source>Difference %1 of %2 (%3) · %4 open in this document</source>
        <translation>الخلاف %1 من %2 (%3) · %4 مفتوحة في هذه الوثيقة</translation>
    </message>
    <message>
        <source>Annotators: %1</source>
        <translation>المُوسِّمون: %1</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>(none taken)</source>
        <translation>(لم يُعتمد شيء)</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Documents reviewed per day</source>
        <translation>المستندات المراجَعة يوميًا</translation>
    </message>
    <message>
        <source>Actions per hour, by annotator</source>
        <translation>الإجراءات في الساعة لكل مُوسِّم</translation>
    </message>
    <message>
        <source>Accepted entities by label</source>
        <translation>الكيانات المقبولة حسب التسمية</translation>
    </message>
    <message>
        <source>Accepted events by type</source>
        <translation>الأحداث المقبولة حسب النوع</translation>
    </message>
    <message>
        <source>Suggestions accepted unchanged, by label (%)</source>
        <translation>الاقتراحات المقبولة دون تعديل حسب التسمية (٪)</translation>
    </message>
    <message>
        <source>Suggestions accepted unchanged, by model version (%)</source>
        <translation>الاقتراحات المقبولة دون تعديل حسب إصدار النموذج (٪)</translation>
    </message>
    <message>
        <source>Learning curve: held-out F1 by training documents</source>
        <translation>منحنى التعلّم: قيمة F1 على عيّنة التقييم حسب عدد مستندات التدريب</translation>
    </message>
    <message>
        <source>reviewed documents</source>
        <translation>المستندات المراجَعة</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>جارٍ قراءة الأرقام…</translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>تعذّرت قراءة الأرقام: %1</translation>
    </message>
    <message>
        <source>%1 of %2 documents reviewed · %3 decisions · %4 suggestions pending · %5 accepted unchanged</source>
        <translation>المستندات المراجَعة: %1 من %2 · القرارات: %3 · الاقتراحات المُوسِّمة: %4 · المقبولة دون تعديل: %5</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>لا توجد بيانات بعد</translation>
    </message>
    <message>
        <source>total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation>(بلا مصدر)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>النشط</translation>
    </message>
    <message>
        <source>No trained model yet</source>
        <translation>لا يوجد نموذج مُدرَّب بعد</translation>
    </message>
    <message>
        <source>Export plot as PNG</source>
        <translation>تصدير الرسم بصيغة PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>صور PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Relabel</source>
        <translation>تغيير التصنيف</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>تغيير الامتداد</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>New entity</source>
        <translation>كيان جديد</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>قبول الكل</translation>
    </message>
    <message>
        <source>Accept event</source>
        <translation>قبول الحدث</translation>
    </message>
    <message>
        <source>Reject event</source>
        <translation>رفض الحدث</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>حذف الحدث</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>نوع الحدث</translation>
    </message>
    <message>
        <source>Resize trigger</source>
        <translation>تغيير امتداد الكلمة المفتاحية</translation>
    </message>
    <message>
        <source>Argument</source>
        <translation>وسيط</translation>
    </message>
    <message>
        <source>Remove argument</source>
        <translation>إزالة وسيط</translation>
    </message>
    <message>
        <source>Event attribute</source>
        <translation>خاصية الحدث</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>حدث جديد</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>تعليم كمراجَع</translation>
    </message>
    <message>
        <source>Ignore document</source>
        <translation>تجاهل المستند</translation>
    </message>
    <message>
        <source>Reopen document</source>
        <translation>إعادة فتح المستند</translation>
    </message>
</context>
<context>
    <name>EntityList</name>
    <message>
        <source>suggested</source>
        <translation>مقترح</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
</context>
<context>
    <name>EventCard</name>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Add focused entity or selection</source>
        <translation>إضافة الكيان المُركَّز عليه أو النص المحدَّد</translation>
    </message>
    <message>
        <source>Remove argument</source>
        <translation>إزالة العنصر</translation>
    </message>
    <message>
        <source>Accept event</source>
        <translation>قبول الحدث</translation>
    </message>
    <message>
        <source>Reject event</source>
        <translation>رفض الحدث</translation>
    </message>
    <message>
        <source>Arguments (G: next, R then a letter: role, Delete: remove)</source>
        <translation>الوسائط (G: التالي، R ثم حرف: الدور، Delete: إزالة)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>الحدث</translation>
    </message>
    <message>
        <source>Focus an event trigger (coloured text) to edit its event.</source>
        <translation>انتقل إلى كلمة دالّة على حدث (نص ملوّن) لتحرير الحدث.</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>مقترح</translation>
    </message>
    <message>
        <source>%1: write a whole number, 0 or more</source>
        <translation>%1: اكتب عددًا صحيحًا، صفرًا أو أكثر</translation>
    </message>
    <message>
        <source>%1: write a date as YYYY-MM-DD</source>
        <translation>%1: اكتب التاريخ بالصيغة YYYY-MM-DD</translation>
    </message>
    <message>
        <source>%1: not a valid value</source>
        <translation>%1: قيمة غير صالحة</translation>
    </message>
</context>
<context>
    <name>FileWork</name>
    <message>
        <source>Please wait: another task is running</source>
        <translation>يُرجى الانتظار: هناك مهمة أخرى قيد التنفيذ</translation>
    </message>
    <message>
        <source>Suggestions ready for %1 documents: J goes to the first one</source>
        <translation>الاقتراحات جاهزة (عدد المستندات: %1): اضغط J للانتقال إلى أولها</translation>
    </message>
    <message>
        <source>Suggesting</source>
        <translation>جارٍ الاقتراح</translation>
    </message>
    <message>
        <source>Rules only: %1</source>
        <translation>القواعد وحدها: %1</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>استيراد مستندات</translation>
    </message>
    <message>
        <source>Documents (*.jsonl *.json *.txt);;All files (*)</source>
        <translation>المستندات (*.jsonl *.json *.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import a folder of documents</source>
        <translation>استيراد مجلد من المستندات</translation>
    </message>
    <message>
        <source>Imported %1 documents</source>
        <translation>تم الاستيراد (عدد المستندات: %1)</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>جارٍ الاستيراد</translation>
    </message>
    <message>
        <source>A PostgreSQL server checks its own pages; nothing to check here.</source>
        <translation>خادم PostgreSQL يفحص صفحاته بنفسه؛ لا شيء للفحص هنا.</translation>
    </message>
    <message>
        <source>The database is sound.</source>
        <translation>قاعدة البيانات سليمة.</translation>
    </message>
    <message>
        <source>%1 problems found:
%2

To save what can be saved into a new file, run &apos;hakam check --repair&apos; in a terminal.</source>
        <translation>عُثر على مشكلات (عددها: %1):
%2

لحفظ ما يمكن حفظه في ملف جديد، شغّل الأمر &apos;hakam check --repair&apos; في الطرفية.</translation>
    </message>
    <message>
        <source>Check the database</source>
        <translation>فحص قاعدة البيانات</translation>
    </message>
    <message>
        <source>Checking the database</source>
        <translation>جارٍ فحص قاعدة البيانات</translation>
    </message>
    <message>
        <source>Hakam was not closed properly last time; the database was checked and is sound.</source>
        <translation>لم يُغلق حَكَم كما ينبغي في المرة السابقة؛ فُحصت قاعدة البيانات وهي سليمة.</translation>
    </message>
    <message>
        <source>Hakam was not closed properly last time, and the database check found:
%1

Run &apos;hakam check --repair&apos; in a terminal to save what can be saved into a new file.</source>
        <translation>لم يُغلق حَكَم كما ينبغي في المرة السابقة، ووجد فحص قاعدة البيانات:
%1

شغّل الأمر &apos;hakam check --repair&apos; في الطرفية لحفظ ما يمكن حفظه في ملف جديد.</translation>
    </message>
    <message>
        <source>Added %1 sample articles</source>
        <translation>أضيفت المقالات النموذجية (عددها: %1)</translation>
    </message>
    <message>
        <source>Loading the samples</source>
        <translation>جارٍ تحميل النماذج</translation>
    </message>
    <message>
        <source>%1; suggesting for them in the background…</source>
        <translation>%1؛ جارٍ الاقتراح لها في الخلفية…</translation>
    </message>
    <message>
        <source>Export reviewed documents</source>
        <translation>تصدير المستندات المراجَعة</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>أسطر JSON ‏(*.jsonl)</translation>
    </message>
    <message>
        <source>Exported %1 documents to %2</source>
        <translation>تم التصدير (عدد المستندات: %1) إلى %2</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>جارٍ التصدير</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1، السطر %2</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard (F1, ? or Esc to close)</source>
        <translation>لوحة المفاتيح (F1 أو ? أو Esc للإغلاق)</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Arrows follow the right-to-left text: Shift+← grows the focused highlight to the left, Ctrl+Shift+→ grows it to the right. To mark new text: W selects the word at the caret, each W adds the next word, Shift+W drops one; then a digit gives the label.</source>
        <translation>تتبع الأسهم اتجاه النص من اليمين إلى اليسار: ‎Shift+←‎ يمد التظليل المحدد إلى اليسار، و‎Ctrl+Shift+→‎ يمده إلى اليمين. لتعليم نص جديد: W يحدد الكلمة عند المؤشر، وكل W يضيف الكلمة التالية، و‎Shift+W‎ يحذف واحدة؛ ثم يعطي رقمٌ التصنيف.</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Dotted underline: suggested · solid tint: accepted · coloured text: event trigger · box with a role tag: argument of the selected event</source>
        <translation>خط منقط: مقترح · تظليل ممتلئ: مقبول · نص ملون: كلمة مفتاحية لحدث · إطار مع وسم الدور: وسيط الحدث المحدد</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hakam — %1</source>
        <translation>حَكَم — %1</translation>
    </message>
    <message>
        <source>No more documents in this queue</source>
        <translation>لا مزيد من المستندات في هذه القائمة</translation>
    </message>
    <message>
        <source>%1 of %2 reviewed · %3 decisions today · %4</source>
        <translation>المراجَعة: %1 من %2 · قرارات اليوم: %3 · %4</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Your name, recorded on every decision:</source>
        <translation>اسمك، ويُسجَّل مع كل قرار:</translation>
    </message>
    <message>
        <source>Decisions not saved yet</source>
        <translation>قرارات لم تُحفظ بعد</translation>
    </message>
    <message>
        <source>The database is still unavailable: %1 decisions are not saved yet. Hakam keeps retrying while it stays open. Quit anyway and lose them?</source>
        <translation>ما زالت قاعدة البيانات غير متاحة: %1 قرارات لم تُحفظ بعد. يواصل حَكَم المحاولة ما دام مفتوحًا. أتخرج رغم ذلك وتفقدها؟</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;تسميات</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;أحداث</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>مستن&amp;د</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
</context>
<context>
    <name>PlotCard</name>
    <message>
        <source>Export as PNG…</source>
        <translation>تصدير PNG…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation>حفظ هذا الرسم صورةً بصيغة PNG</translation>
    </message>
    <message>
        <source>Export %1 as PNG</source>
        <translation>تصدير «%1» بصيغة PNG</translation>
    </message>
</context>
<context>
    <name>Popup</name>
    <message>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <source>your login name</source>
        <translation>اسم دخولك إلى النظام</translation>
    </message>
    <message>
        <source>Recorded on every decision. A database keeps the name it was first opened with.</source>
        <translation>يُسجَّل مع كل قرار. تحتفظ قاعدة البيانات بالاسم الذي فُتحت به أول مرة.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>&amp;Suggest for imported documents (in the background)</source>
        <translation>ا&amp;قتراح للمستندات المستوردة (في الخلفية)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;تصفّح…</translation>
    </message>
    <message>
        <source>&amp;Annotator name:</source>
        <translation>&amp;اسم المُوسِّم:</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>&amp;لغة الواجهة:</translation>
    </message>
    <message>
        <source>Article &amp;font size:</source>
        <translation>&amp;حجم خط المقال:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;مظهر الواجهة:</translation>
    </message>
    <message>
        <source>Database in use:</source>
        <translation>قاعدة البيانات المستخدمة:</translation>
    </message>
    <message>
        <source>&amp;Database (file or postgresql:// URL):</source>
        <translation>&amp;قاعدة البيانات (ملف أو عنوان postgresql://):</translation>
    </message>
    <message>
        <source>A new language rebuilds the window at once; the database file takes effect the next time Hakam starts (--db and $HAKAM_DB, when given, still come first).</source>
        <translation>تغيير اللغة يعيد بناء النافذة فورًا؛ أما ملف قاعدة البيانات فيسري عند تشغيل حكم في المرة القادمة (ويبقى ‎--db‎ و‎$HAKAM_DB‎ أولى منه إن وُجدا).</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>ملف قاعدة البيانات</translation>
    </message>
    <message>
        <source>Hakam databases (*.sqlite *.db);;All files (*)</source>
        <translation>قواعد بيانات حَكَم (*.sqlite *.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>The database must be a file, not a folder.</source>
        <translation>يجب أن تكون قاعدة البيانات ملفًا لا مجلدًا.</translation>
    </message>
    <message>
        <source>Please correct: %1</source>
        <translation>يُرجى التصحيح: %1</translation>
    </message>
    <message>
        <source>Could not save the preferences: %1</source>
        <translation>تعذّر حفظ التفضيلات: %1</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>To review</source>
        <translation>للمراجعة</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>المراجَعة</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>المتجاهَلة</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Import order</source>
        <translation>ترتيب الاستيراد</translation>
    </message>
    <message>
        <source>Most uncertain first</source>
        <translation>الأقل يقينًا أولًا</translation>
    </message>
    <message>
        <source>Search text…</source>
        <translation>ابحث في النص…</translation>
    </message>
</context>
<context>
    <name>Reviewer</name>
    <message>
        <source>Nothing is focused: press J to go to the next suggestion</source>
        <translation>لا شيء محدد: اضغط J للانتقال إلى الاقتراح التالي</translation>
    </message>
    <message>
        <source>Nothing is focused</source>
        <translation>لا شيء محدد</translation>
    </message>
    <message>
        <source>Select text or focus an entity to give it a label</source>
        <translation>حدد نصًا أو انتقل إلى كيان لتعطيه تصنيفًا</translation>
    </message>
    <message>
        <source>Focus a highlight to resize it</source>
        <translation>انتقل إلى تظليل لتغيير امتداده</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>لا شيء للتراجع عنه</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>تم التراجع: %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>لا شيء لإعادته</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>تمت الإعادة: %1</translation>
    </message>
    <message>
        <source>Select a trigger word first</source>
        <translation>حدد الكلمة المفتاحية أولًا</translation>
    </message>
    <message>
        <source>Focus an event trigger first</source>
        <translation>انتقل إلى الكلمة المفتاحية لحدث أولًا</translation>
    </message>
    <message>
        <source>Focus an entity or select text to assign a role</source>
        <translation>انتقل إلى كيان أو حدد نصًا لتعيين دور</translation>
    </message>
    <message>
        <source>Press G to focus an argument of the selected event first</source>
        <translation>اضغط G أولًا للانتقال إلى وسيط من وسائط الحدث المحدد</translation>
    </message>
</context>
<context>
    <name>ScoresTable</name>
    <message>
        <source>P</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <source>R</source>
        <translation>الاستدعاء</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <source>All entities (micro)</source>
        <translation>كل الكيانات (المتوسط الجزئي)</translation>
    </message>
    <message>
        <source>All event triggers (micro)</source>
        <translation>كل الكلمات الدالّة على الأحداث (المتوسط الجزئي)</translation>
    </message>
    <message>
        <source>no active version</source>
        <translation>لا يوجد إصدار نشط</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1 (الجديد)</translation>
    </message>
    <message>
        <source>Held-out documents</source>
        <translation>مستندات الاختبار</translation>
    </message>
    <message>
        <source>Δ F1</source>
        <translation>Δ F1</translation>
    </message>
    <message>
        <source>Training documents</source>
        <translation>مستندات التدريب</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>No suggestions left to review in this document</source>
        <translation>لا اقتراحات متبقية للمراجعة في هذا المستند</translation>
    </message>
    <message>
        <source>Nothing is highlighted in this document</source>
        <translation>لا شيء مظلل في هذا المستند</translation>
    </message>
    <message>
        <source>The selected event has no arguments</source>
        <translation>الحدث المحدد بلا وسائط</translation>
    </message>
    <message>
        <source>Database unavailable, retrying: %1 decisions waiting, none lost</source>
        <translation>قاعدة البيانات غير متاحة، نعيد المحاولة: %1 قرارات بانتظار الحفظ، لم يضع منها شيء</translation>
    </message>
    <message>
        <source>Database back: %1 waiting decisions written</source>
        <translation>عادت قاعدة البيانات: حُفظت %1 قرارات كانت بانتظار الحفظ</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>Dashboard</source>
        <translation>لوحة المتابعة</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Train from reviewed documents</source>
        <translation>التدريب على المستندات المراجَعة</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;درِّب</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;إلغاء</translation>
    </message>
    <message>
        <source>&amp;Use the new version</source>
        <translation>&amp;استخدم الإصدار الجديد</translation>
    </message>
    <message>
        <source>&amp;Keep the previous version</source>
        <translation>&amp;حافظ على الإصدار السابق</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;إغلاق</translation>
    </message>
    <message>
        <source>A new model version will learn from the %1 reviewed documents. Its held-out scores are shown next to the active version&apos;s before you choose.</source>
        <translation>سيتعلّم إصدار جديد من النموذج من المستندات المراجَعة (%1). تظهر نتائجه على عيّنة التقييم بجانب نتائج الإصدار النشط قبل أن تختار.</translation>
    </message>
    <message>
        <source>Active now: %1.</source>
        <translation>النشط حاليًا: %1.</translation>
    </message>
    <message>
        <source>Review and mark at least one document first.</source>
        <translation>راجِع مستندًا واحدًا على الأقل وعلِّمه «مُراجَعًا» أولًا.</translation>
    </message>
    <message>
        <source>Reading the reviewed documents…</source>
        <translation>جارٍ قراءة المستندات المراجَعة…</translation>
    </message>
    <message>
        <source>Training on four fifths of them, to score on the rest…</source>
        <translation>جارٍ التدريب على أربعة أخماسها لتقييم النموذج على الباقي…</translation>
    </message>
    <message>
        <source>Scoring on the held-out documents…</source>
        <translation>جارٍ التقييم على المستندات المُستبعَدة من التدريب…</translation>
    </message>
    <message>
        <source>Training the new version on all reviewed documents…</source>
        <translation>جارٍ تدريب الإصدار الجديد على كل المستندات المراجَعة…</translation>
    </message>
    <message>
        <source>Refreshing suggestions…</source>
        <translation>جارٍ تحديث الاقتراحات…</translation>
    </message>
    <message>
        <source>Nothing to learn from: the reviewed documents have no accepted entities.</source>
        <translation>لا شيء للتعلّم منه: لا توجد كيانات مقبولة في المستندات المراجَعة.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>فشل: %1</translation>
    </message>
    <message>
        <source>Training on the reviewed documents…</source>
        <translation>جارٍ التدريب على المستندات المراجَعة…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>جارٍ الإيقاف…</translation>
    </message>
    <message>
        <source>Training was cancelled; nothing changed.</source>
        <translation>أُلغي التدريب، ولم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Only %1 held-out documents: too few to trust these scores (at least %2 are needed).</source>
        <translation>مستندات الاختبار %1 فقط: عدد أقل من أن يُوثق بهذه النتائج (يلزم %2 على الأقل).</translation>
    </message>
    <message>
        <source>Scored on %1 held-out documents.</source>
        <translation>قيست النتائج على %1 من مستندات الاختبار.</translation>
    </message>
    <message>
        <source>%1 is trained; it has no held-out scores.</source>
        <translation>اكتمل تدريب %1، لكن لا نتائج له على عيّنة التقييم.</translation>
    </message>
    <message>
        <source>%1: held-out F1 %2.</source>
        <translation>الإصدار %1: قيمة F1 على عيّنة التقييم %2.</translation>
    </message>
    <message>
        <source>%1: held-out F1 %2 (the active %3: %4).</source>
        <translation>الإصدار %1: قيمة F1 على عيّنة التقييم %2 (والإصدار النشط %3: %4).</translation>
    </message>
    <message>
        <source>%1 is active.</source>
        <translation>أصبح %1 الإصدارَ النشط.</translation>
    </message>
    <message>
        <source>%1 is active. Refreshing suggestions on %2 documents to review…</source>
        <translation>أصبح %1 الإصدارَ النشط. جارٍ تحديث الاقتراحات في المستندات قيد المراجعة (%2)…</translation>
    </message>
    <message>
        <source>%1 is active; suggestions refreshed on %2 documents.</source>
        <translation>أصبح %1 الإصدارَ النشط، وحُدِّثت الاقتراحات (عدد المستندات: %2).</translation>
    </message>
</context>
</TS>
