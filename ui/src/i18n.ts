// Interface language: English and Arabic string tables, t(key, params), count phrases, and [data-i18n*] elements
// refreshed on a switch (listeners registered with onLangChange re-render what is drawn by code).

export type Lang = 'en' | 'ar';

/** Every interface string: [English, Arabic]. `{name}` is a parameter filled by t(). */
const S = {
  // --- shell ---
  annotate: ['Annotate', 'التوسيم'],
  review: ['Review', 'المراجعة'],
  agreement: ['Agreement', 'الاتفاق'],
  import: ['Import', 'استيراد'],
  export: ['Export…', 'تصدير…'],
  analyst: ['Analyst: ', 'المحلل: '],
  guidelines: ['Guidelines', 'الإرشادات'],
  settings: ['Settings', 'الإعدادات'],
  theme: ['Theme', 'المظهر'],
  language: ['العربية', 'English'],
  chooseArticle: ['Choose an article from the list.', 'اختر مقالًا من القائمة.'],
  paletteHint: [
    'Select text (or click into a word), then click a label or press its key. Selections snap to whole words and leave clitics out; hold Alt for an exact selection. Click a highlight to edit it; [ and ] move between spans. Press ? for every shortcut.',
    'حدّد نصًّا (أو انقر داخل كلمة) ثم انقر وسمًا أو اضغط مفتاحه. يلتقط التحديد كلمات كاملة دون السوابق (و ف ب ك ل)؛ اضغط Alt لتحديد دقيق. انقر على تظليل لتعديله؛ والمفتاحان [ و ] للتنقل بين المقاطع. اضغط ? لعرض كل الاختصارات.',
  ],
  textSmaller: ['Smaller text (-)', 'تصغير النص (-)'],
  textBigger: ['Larger text (+)', 'تكبير النص (+)'],
  undo: ['↶ Undo', '↶ تراجع'],
  redo: ['↷ Redo', '↷ إعادة'],
  shortcuts: ['Keyboard shortcuts', 'اختصارات لوحة المفاتيح'],
  close: ['Close', 'إغلاق'],
  todo: ['To do', 'للإنجاز'],
  in_progress: ['In progress', 'قيد الإنجاز'],
  done: ['Done', 'منجز'],
  // --- shell (layout.ts built elsewhere; see shellText.ts) ---
  reviewTitle: ['Compare analysts and adjudicate the gold layer', 'قارن عمل المحللين واحسم الطبقة الذهبية'],
  agreementTitle: ['Agreement between analysts and their progress', 'الاتفاق بين المحللين وتقدّم عملهم'],
  importTitle: ['Import articles: text, HTML, CSV/TSV, JSON/JSONL, CoNLL', 'استيراد مقالات: نص، HTML، CSV/TSV، JSON/JSONL، CoNLL'],
  exportTitle: ['Export training data (choose format and options)', 'تصدير بيانات التدريب (اختر الصيغة والخيارات)'],
  guidelinesTitle: ['Guidelines and label descriptions (Shift+G)', 'الإرشادات وأوصاف الوسوم (Shift+G)'],
  settingsTitle: ['Labels, guidelines, clitic default (Shift+L)', 'الوسوم والإرشادات والإعداد الافتراضي للسوابق (Shift+L)'],
  themeTitle: ['Light or dark theme (Shift+D)', 'مظهر فاتح أو داكن (Shift+D)'],
  languageTitle: ['Interface language (Shift+U)', 'لغة الواجهة (Shift+U)'],
  analystTitle: ['Change analyst', 'تغيير المحلل'],
  viewNav: ['View', 'العرض'],
  articlesAria: ['Articles', 'المقالات'],
  searchPlaceholder: ['Search titles and text…', 'ابحث في العناوين والنصوص…'],
  statusAria: ['Status', 'الحالة'],
  tagsAria: ['Article tags', 'تصنيفات المقال'],
  paletteAria: ['Span labels', 'وسوم المقاطع'],
  spanAria: ['Span', 'المقطع'],
  chooserAria: ['Choose a span', 'اختر مقطعًا'],
  reviewEditorAria: ['Edit the gold span', 'تعديل المقطع الذهبي'],
  nameTitle: ['Who is annotating?', 'من يقوم بالتوسيم؟'],
  nameHelp: ['Your name is saved with every span you create. It is remembered on this computer.', 'يُحفظ اسمك مع كل مقطع تنشئه، ويبقى محفوظًا على هذا الحاسوب.'],
  namePlaceholder: ['Your name', 'اسمك'],
  save: ['Save', 'حفظ'],
  importReportTitle: ['Import report', 'تقرير الاستيراد'],
  closeMessage: ['Close message', 'إغلاق الرسالة'],
  projectCount: [' · {n}', ' · {n}'],
  appTitle: ['{name} — Hashiya', '{name} — حاشية'],
  // --- main ---
  errAddSpan: ['Adding the span failed', 'تعذّرت إضافة المقطع'],
  errOpenArticle: ['Opening the article failed', 'تعذّر فتح المقال'],
  errOpenReview: ['Opening the review failed', 'تعذّر فتح المراجعة'],
  errSwitchView: ['Switching the view failed', 'تعذّر تبديل العرض'],
  errFileMenu: ['The File menu is not available', 'قائمة «ملف» غير متاحة'],
  errRouteView: ['The view in the address could not be opened', 'تعذّر فتح العرض المطلوب في العنوان'],
  errStart: ['Hashiya could not start', 'تعذّر تشغيل حاشية'],
  // --- punctuation ---
  colon: [': ', ': '],
  listSep: [', ', '، '],
  and: [' and ', ' و'],
  // --- mode bar, keys ---
  cliticTitle: ['Clitic prefixes (و ف ب ك ل before ال): left out of the span, or kept. Shift+C switches it for the next selection.', 'السوابق (و ف ب ك ل قبل ال): تُستبعد من المقطع أو تُبقى فيه. Shift+C يبدّل ذلك للتحديد التالي.'],
  nextOnly: [' (next only)', ' (للتحديد التالي فقط)'],
  stickyTitle: ['Sticky label: every selection is labelled at once with this label (Shift+S; a label key switches the label).', 'الوسم الثابت: يُوسَم كل تحديد فورًا بهذا الوسم (Shift+S؛ مفتاح وسم آخر يبدّله).'],
  stickyOn: ['Sticky: {label}', 'وسم ثابت: {label}'],
  stickyOff: ['Sticky: off', 'وسم ثابت: معطّل'],
  undoTitle: ['Undo: {what} (Ctrl+Z)', 'تراجع: {what} (Ctrl+Z)'],
  redoTitle: ['Redo: {what} (Ctrl+Shift+Z, Ctrl+Y)', 'إعادة: {what} (Ctrl+Shift+Z، Ctrl+Y)'],
  nothingToUndo: ['Nothing to undo', 'لا شيء للتراجع عنه'],
  nothingToRedo: ['Nothing to redo', 'لا شيء لإعادته'],
  nothingToUndoDot: ['Nothing to undo.', 'لا شيء للتراجع عنه.'],
  nothingToRedoDot: ['Nothing to redo.', 'لا شيء لإعادته.'],
  undone: ['Undone: {what}', 'تم التراجع: {what}'],
  redone: ['Redone: {what}', 'تمت الإعادة: {what}'],
  nothing: ['nothing', 'لا شيء'],
  errUndo: ['Undo failed', 'تعذّر التراجع'],
  errRedo: ['Redo failed', 'تعذّرت الإعادة'],
  errShortcut: ['The shortcut failed', 'تعذّر تنفيذ الاختصار'],
  focusSpanFirst: ['Focus a span first (click it, or [ and ] to move between spans).', 'ركّز على مقطع أولًا (انقر عليه، أو استخدم [ و] للتنقل بين المقاطع).'],
  errFindOcc: ['Finding the occurrences failed', 'تعذّر البحث عن المواضع الأخرى'],
  errRelabel: ['Relabel failed', 'تعذّر تغيير الوسم'],
  errMarkDone: ['Marking done failed', 'تعذّر وضع علامة «منجز»'],
  errTag: ['Changing the tag failed', 'تعذّر تغيير التصنيف'],
  // --- workbench, palette ---
  errGuidelines: ['Opening the guidelines failed', 'تعذّر فتح الإرشادات'],
  errSettings: ['Opening the settings failed', 'تعذّر فتح الإعدادات'],
  keyHint: [' (key {key})', ' (المفتاح {key})'],
  shiftClickSticky: ['Shift+click: sticky label', 'Shift+نقرة: وسم ثابت'],
  // --- shortcut sheet ---
  scLabelling: ['Labelling', 'التوسيم'],
  scSpans: ['Spans', 'المقاطع'],
  scHistory: ['History and article', 'السجل والمقال'],
  scView: ['View', 'العرض'],
  scLabelKey: ['label key', 'مفتاح الوسم'],
  scWithSel: [' (with a selection)', ' (مع تحديد)'],
  scAltLabelKey: ['Alt + label key / Alt-drag', 'مفتاح الوسم أو السحب مع Alt'],
  scInNote: [' (in a note)', ' (في ملاحظة)'],
  scLabelSel: ['Label the selection, or the word at the caret (a click into a word)', 'وسم التحديد، أو الكلمة عند المؤشر (بالنقر داخل كلمة)'],
  scAltArrow: ['Select the next / previous word on screen (← is the next word in Arabic)', 'تحديد الكلمة التالية / السابقة على الشاشة (← هي الكلمة التالية في العربية)'],
  scGrow: ['Grow or shrink the selection by a word (Alt+Shift: a letter)', 'توسيع التحديد أو تضييقه بكلمة (Alt+Shift: بحرف)'],
  scExact: ['Exact selection: letters, not whole words', 'تحديد دقيق: أحرف لا كلمات كاملة'],
  scClitic: ['Keep / leave out clitic prefixes (و ف ب ك ل) for the next selection', 'إبقاء السوابق (و ف ب ك ل) أو استبعادها في التحديد التالي'],
  scSticky: ['Sticky label: every selection is labelled at once (a label key switches it)', 'الوسم الثابت: يُوسَم كل تحديد فورًا (مفتاح وسم آخر يبدّله)'],
  scAllOcc: ['All occurrences of the focused span (this article or the project)', 'كل مواضع المقطع المركَّز عليه (في هذا المقال أو في المشروع)'],
  scFocusNext: ['Focus the next / previous span (text order)', 'التركيز على المقطع التالي / السابق (بترتيب النص)'],
  scEdit: ['Edit the focused span (relabel, resize, note, delete)', 'تعديل المقطع المركَّز عليه (تغيير الوسم، تغيير الحدود، ملاحظة، حذف)'],
  scRelabel: ['Relabel the focused span (or the one in the editor)', 'تغيير وسم المقطع المركَّز عليه (أو المفتوح في المحرر)'],
  scMoveEnd: ['Move the end one word (in Arabic text ← is later)', 'تحريك النهاية كلمة واحدة (في النص العربي ← هو اللاحق)'],
  scMoveStart: ['Move the start one word', 'تحريك البداية كلمة واحدة'],
  scByLetter: ['The same by one letter (grapheme)', 'الأمر نفسه بحرف واحد'],
  scDelete: ['Delete the focused span', 'حذف المقطع المركَّز عليه'],
  scSaveNote: ['Save the note', 'حفظ الملاحظة'],
  scEsc: ['Close the popover; again: unfocus', 'إغلاق النافذة المنبثقة؛ ومرة أخرى: إلغاء التركيز'],
  scUndo: ['Undo (every edit of this session, also all occurrences in one step)', 'تراجع (عن كل تعديل في هذه الجلسة، ومنه وسم كل المواضع دفعة واحدة)'],
  scRedo: ['Redo', 'إعادة'],
  scMarkDone: ['Mark the article done', 'وضع علامة «منجز» على المقال'],
  scNext: ['Next unfinished article', 'المقال التالي غير المنجز'],
  scSearch: ['Search the articles', 'البحث في المقالات'],
  scTextSize: ['Larger / smaller text (remembered)', 'تكبير / تصغير النص (يُحفظ)'],
  scTheme: ['Light / dark theme', 'مظهر فاتح / داكن'],
  scLang: ['Interface in English / Arabic', 'الواجهة بالإنجليزية / بالعربية'],
  scSettings: ['Settings: labels, guidelines, clitic default', 'الإعدادات: الوسوم والإرشادات والإعداد الافتراضي للسوابق'],
  scSheet: ['This sheet', 'هذه القائمة'],
  scProjectLabels: ['This project’s labels and tags', 'وسوم هذا المشروع وتصنيفاته'],
  scTag: ['Tag {name}', 'التصنيف {name}'],
  // --- span editor ---
  byAnnotator: [' by {name}', ' بواسطة {name}'],
  allOccTitle: ['Find this text again in the article or the project and label it (Shift+A)', 'ابحث عن هذا النص في المقال أو في المشروع كله ووسمه (Shift+A)'],
  allOccBtn: ['All occurrences… ', 'كل المواضع… '],
  noteIs: ['Note: {note}', 'ملاحظة: {note}'],
  readOnlySpan: ['Read-only: only {name} can change this span.', 'للقراءة فقط: لا يعدّل هذا المقطع إلا {name}.'],
  relabelAria: ['Relabel', 'تغيير الوسم'],
  startEarlier: ['Start one word earlier (Ctrl+Shift+→; with Alt: one letter)', 'تقديم البداية كلمة واحدة (Ctrl+Shift+→؛ مع Alt: حرفًا واحدًا)'],
  startLater: ['Start one word later (Ctrl+Shift+←)', 'تأخير البداية كلمة واحدة (Ctrl+Shift+←)'],
  endEarlier: ['End one word earlier (Shift+→)', 'تقديم النهاية كلمة واحدة (Shift+→)'],
  endLater: ['End one word later (Shift+←; with Alt: one letter)', 'تأخير النهاية كلمة واحدة (Shift+←؛ مع Alt: حرفًا واحدًا)'],
  resizeAria: ['Resize', 'تغيير الحدود'],
  resizeLabel: ['Resize:', 'الحدود:'],
  errResize: ['Resizing failed', 'تعذّر تغيير حدود المقطع'],
  notePlaceholder: ['Note (optional)', 'ملاحظة (اختيارية)'],
  errSaveNote: ['Saving the note failed', 'تعذّر حفظ الملاحظة'],
  saveNoteTitle: ['Ctrl+Enter in the note', 'Ctrl+Enter داخل الملاحظة'],
  saveNote: ['Save note', 'حفظ الملاحظة'],
  deleteSpanTitle: ['Delete (Del)', 'حذف (Del)'],
  deleteSpan: ['Delete span', 'حذف المقطع'],
  errDelete: ['Delete failed', 'تعذّر الحذف'],
  overlapping: ['Overlapping spans', 'مقاطع متداخلة'],
  // --- all occurrences ---
  untitled: ['(untitled)', '(بلا عنوان)'],
  alreadyAs: ['already {labels}', 'موسوم مسبقًا {labels}'],
  searching: ['Searching…', 'جارٍ البحث…'],
  labelAll: ['Label all', 'وسم الكل'],
  labelTicked: ['Label ticked', 'وسم المحدَّد'],
  labelAllN: ['Label all ({n})', 'وسم الكل ({n})'],
  labelTickedN: ['Label ticked ({n})', 'وسم المحدَّد ({n})'],
  cancel: ['Cancel', 'إلغاء'],
  tickAll: ['Tick all', 'تحديد الكل'],
  tickNone: ['Tick none', 'إلغاء تحديد الكل'],
  occFound: ['{n} other {places} in {articles}{already}{cut}.', 'المواضع الأخرى: {n} في {articles}{already}{cut}.'],
  occAlready: [' ({n} already labelled)', ' (منها {n} موسومة مسبقًا)'],
  occCut: [' — the list is cut; label these, then search again', ' — القائمة مقتطعة؛ وسّم هذه المواضع ثم ابحث مجددًا'],
  occNoneProject: ['No other place in the project.', 'لا يوجد موضع آخر في المشروع.'],
  occNoneArticle: ['No other place in this article. Tick “Whole project” to look further.', 'لا يوجد موضع آخر في هذا المقال. حدّد «المشروع كله» لتوسيع البحث.'],
  occLabelled: ['Labelled {places} {label}{already}. Ctrl+Z undoes it in one step.', 'وُسم {places} بالوسم {label}{already}. يتراجع Ctrl+Z عن ذلك دفعة واحدة.'],
  occAlreadyWere: [' ({n} already were)', ' ({n} كانت موسومة من قبل)'],
  errLabelOcc: ['Labelling the occurrences failed', 'تعذّر وسم المواضع'],
  occTitle: ['All occurrences of ', 'كل مواضع '],
  labelWord: ['Label ', 'الوسم '],
  wholeProject: [' Whole project', ' المشروع كله'],
  // --- history, annotate, article head ---
  hAdd: ['Add {label}', 'إضافة {label}'],
  hDelete: ['Delete {label}', 'حذف {label}'],
  hTag: ['Tag {label}', 'تصنيف {label}'],
  hUntag: ['Untag {label}', 'إزالة التصنيف {label}'],
  hStatus: ['Status {raw}', 'الحالة: {status}'],
  hLabelOcc: ['Label {occ} {label}', 'وسم {occ} بالوسم {label}'],
  hResize: ['Resize', 'تغيير الحدود'],
  hRelabel: ['Relabel {from} → {to}', 'تغيير الوسم {from} ← {to}'],
  hNote: ['Note', 'ملاحظة'],
  selectFirst: ['Select some text in the article (or click into a word) first, then choose a label.', 'حدّد نصًّا في المقال أولًا (أو انقر داخل كلمة)، ثم اختر وسمًا.'],
  labDescAr: ['Description in Arabic', 'الوصف بالعربية'],
  labDescArPh: ['Description in Arabic (shown in the Arabic interface)', 'الوصف بالعربية (يظهر في الواجهة العربية)'],
  blindChip: ['Blind', 'توسيم أعمى'],
  blindTitle: ['Blind annotation: see only your own spans and tags until you mark the article done (your choice, on this computer)', 'التوسيم الأعمى: لا ترى إلا مقاطعك وتصنيفاتك حتى تضع علامة «منجز» على المقال (اختيارك على هذا الحاسوب)'],
  blindForced: ['Blind annotation is on for this project (Settings → Project)', 'التوسيم الأعمى مفعّل لهذا المشروع (الإعدادات ← المشروع)'],
  blindNote: ['Other analysts\' spans and tags are hidden until you mark this article done.', 'مقاطع المحللين الآخرين وتصنيفاتهم مخفية حتى تضع علامة «منجز» على هذا المقال.'],
  blindLegend: ['Blind annotation', 'التوسيم الأعمى'],
  blindSetting: ['Hide other analysts\' work from each analyst until they mark the article done', 'إخفاء عمل المحللين الآخرين عن كل محلل حتى يضع علامة «منجز» على المقال'],
  blindHelp: ['For agreement studies: nobody is swayed by the others\' labels. Reviewers still see everything.', 'لدراسات الاتفاق: لا يتأثر أحد بوسوم غيره. ويرى المراجعون كل شيء.'],
  blindSavedOn: ['Blind annotation on', 'التوسيم الأعمى مفعّل'],
  blindSavedOff: ['Blind annotation off', 'التوسيم الأعمى معطّل'],
  quoteCut: ['A span of {n} characters, shown cut', 'مقطع من {n} حرفًا، معروض مقتطعًا'],
  longSpanTitle: ['Label this long selection?', 'توسيم هذا التحديد الطويل؟'],
  longSpanChars: ['The selection is {n} characters long, far longer than any span in this project. A drag may have run away.', 'طول التحديد {n} حرفًا، وهو أطول بكثير من أي مقطع في هذا المشروع. ربما انفلت السحب.'],
  longSpanLines: ['The selection runs over {lines} paragraphs ({n} characters). A drag may have run away.', 'يمتد التحديد على {lines} فقرات ({n} حرفًا). ربما انفلت السحب.'],
  longSpanYes: ['Label it {label}', 'وسمه {label}'],
  onlyWhitespace: ['The selection is only whitespace.', 'التحديد مسافات فارغة فقط.'],
  alreadyLabelled: ['This is already labelled {label}.', 'هذا النص موسوم مسبقًا بالوسم {label}.'],
  noteSaved: ['Note saved.', 'حُفظت الملاحظة.'],
  markDoneTitle: ['Mark done (Ctrl+Enter)', 'وضع علامة «منجز» (Ctrl+Enter)'],
  errStatus: ['Changing the status failed', 'تعذّر تغيير الحالة'],
  alsoTaggedBy: ['Also tagged by: {names}', 'صنّفه أيضًا: {names}'],
  // --- corpus sort ---
  sortId: ['Order of import', 'ترتيب الاستيراد'],
  sortTitle: ['Title (A–Z)', 'العنوان (أ–ي)'],
  sortSpans: ['Most spans first', 'الأكثر مقاطع أولًا'],
  sortStatus: ['My status (to do first)', 'حالتي (غير المنجز أولًا)'],
  // --- corpus list ---
  nOfTotal: ['{n} of {total}', '{n} من أصل {total}'],
  noMatch: ['No article matches this search and these filters.', 'لا يطابق هذا البحث وهذه المرشحات أيَّ مقال.'],
  noArticles: ['No articles yet. Use Import to add .txt or .jsonl files.', 'لا مقالات بعد. استخدم «استيراد» لإضافة ملفات ‎.txt أو ‎.jsonl.'],
  errLoadList: ['Loading the article list failed', 'تعذّر تحميل قائمة المقالات'],
  errProgress: ['Counting your progress failed', 'تعذّر حساب تقدّمك'],
  noUnfinishedHere: ['No other unfinished article in this list: everything shown is done.', 'لا مقال آخر غير منجز في هذه القائمة: كل ما يظهر منجز.'],
  noUnfinished: ['No other unfinished article: everything is done.', 'لا مقال آخر غير منجز: أُنجز كل شيء.'],
  errSearch: ['Search failed', 'تعذّر البحث'],
  errFilter: ['Filtering the list failed', 'تعذّرت تصفية القائمة'],
  errNextUnfinished: ['Finding the next unfinished article failed', 'تعذّر العثور على المقال التالي غير المنجز'],
  searchTitle: ['Search titles and text for whole words (Arabic-normalised: أ = ا, ة = ه, harakat ignored; بالرياض counts as الرياض). End a word with * to match its beginning: الرياض* also finds الرياضي. Shortcut: /', 'البحث عن كلمات كاملة في العناوين والنصوص (مع توحيد الكتابة العربية: أ = ا، ة = ه، وتُهمل الحركات؛ وتُعدّ بالرياض من الرياض). أضف * بعد الكلمة للبحث ببدايتها: الرياض* تجد الرياضي أيضًا. الاختصار: /'],
  errSearchHits: ['Could not mark the search hits in the article', 'تعذّر تمييز نتائج البحث في المقال'],
  oneMoreLetter: ['Type one more letter to search (or press Enter).', 'اكتب حرفًا آخر للبحث (أو اضغط Enter).'],
  fMyStatus: ['My status', 'حالتي'],
  fTag: ['Tag', 'التصنيف'],
  fLabel: ['Span label', 'وسم المقطع'],
  fWorkedBy: ['Worked on by', 'عمل عليه'],
  fSort: ['Sort', 'الترتيب'],
  clearFilters: ['Clear filters', 'مسح المرشحات'],
  clearFiltersTitle: ['Show every article (keeps the sort)', 'عرض كل المقالات (مع إبقاء الترتيب)'],
  nextUnfinished: ['Next unfinished ', 'التالي غير المنجز '],
  nextUnfinishedTitle: ['Open my next article that is not done, after this one in the list (Shift+N)', 'فتح مقالي التالي غير المنجز بعد هذا المقال في القائمة (Shift+N)'],
  filtersAria: ['Filter and sort the articles', 'تصفية المقالات وترتيبها'],
  anyStatus: ['Any status (mine)', 'أي حالة (حالتي)'],
  anyTag: ['Any tag', 'أي تصنيف'],
  anyLabel: ['Any label', 'أي وسم'],
  tagIs: ['Tag: {name}', 'التصنيف: {name}'],
  labelIs: ['Label: {name}', 'الوسم: {name}'],
  anyAnalyst: ['Any analyst', 'أي محلل'],
  byName: ['By {name}', 'بواسطة {name}'],
  progressAria: ['{name}\'s articles done', 'المقالات التي أنجزها {name}'],
  progressValue: ['{done} of {total} done', 'أُنجز {done} من أصل {total}'],
  progressFilterTitle: ['Show only articles {status} (mine)', 'عرض المقالات التي حالتها «{status}» فقط (حالتي)'],
  progressTitle: ['Your progress: {done} done of {total}', 'تقدّمك: أنجزت {done} من أصل {total}'],
  // --- import: formats, progress, summary, report text ---
  fmtAuto: ['Automatic (name and content)', 'تلقائي (من الاسم والمحتوى)'],
  fmtTxt: ['txt — plain text, one article per file', 'txt — نص عادي، مقال واحد لكل ملف'],
  fmtHtml: ['html — a page saved from a news site', 'html — صفحة محفوظة من موقع إخباري'],
  fmtCsv: ['csv — a table, one article per row', 'csv — جدول، مقال واحد لكل صف'],
  fmtJsonl: ['jsonl — Hashiya native JSONL', 'jsonl — صيغة JSONL الأصلية لحاشية'],
  fmtDoccano: ['doccano — JSONL/JSON', 'doccano — JSONL/JSON'],
  fmtLabelstudio: ['labelstudio — Label Studio tasks', 'labelstudio — مهام Label Studio'],
  fmtProdigy: ['prodigy — Prodigy JSONL', 'prodigy — JSONL من Prodigy'],
  fmtConll: ['conll — CoNLL / IOB tokens', 'conll — وحدات CoNLL / IOB'],
  offAuto: ['Automatic (each tool’s own unit)', 'تلقائي (وحدة كل أداة)'],
  offUtf16: ['UTF-16 code units', 'وحدات UTF-16'],
  offGrapheme: ['grapheme clusters (doccano grapheme mode)', 'عناقيد الحروف (وضع العناقيد في doccano)'],
  offCodepoint: ['Code points', 'نقاط الترميز (code points)'],
  offHint: ['Other tools’ span offsets: doccano counts UTF-16 units (an emoji is 2), Label Studio and Prodigy count code points (an emoji is 1); a doccano project in grapheme mode counts grapheme clusters (a letter with its harakat is 1).', 'مواضع المقاطع في الأدوات الأخرى: يعدّ doccano وحدات UTF-16 (الرمز التعبيري = 2)، ويعدّ Label Studio وProdigy نقاط الترميز (الرمز التعبيري = 1)، ويعدّ مشروع doccano في وضع العناقيد عناقيدَ الحروف (الحرف مع حركاته = 1).'],
  impSending: ['Sending the files…', 'جارٍ إرسال الملفات…'],
  impIndexing: ['{records} read; updating the search index…', 'قُرئ {records}؛ جارٍ تحديث فهرس البحث…'],
  impFileOf: ['File {n} of {total}', 'الملف {n} من {total}'],
  impRate: ['{n} records/s', '{n} سجل/ث'],
  impSummary: ['{parts}; {spans} and {tags} added.', '{parts}؛ أُضيف {spans} و{tags}.'],
  impNew: ['{n} imported', 'المستورد: {n}'],
  impHere: ['{articles} already here', '{articles} موجودة من قبل'],
  impRejected: ['{n} rejected', 'المرفوض: {n}'],
  impLeftOut: [' {n} left out.', ' استُبعد {n}.'],
  impCancelledFiles: [' Cancelled: {files} not imported.', ' أُلغي: لم يُستورد {files}.'],
  rptHead: ['Hashiya import report', 'تقرير الاستيراد من حاشية'],
  rptDate: ['Date: {date}', 'التاريخ: {date}'],
  rptProject: ['Project: {name}', 'المشروع: {name}'],
  rptAnnotator: ['Annotator: {name}', 'المحلل: {name}'],
  rptCancelled: ['Cancelled — not imported (the file in progress was rolled back whole)', 'أُلغي — لم يُستورد (تم التراجع عن الملف الجاري بالكامل)'],
  rptRejected: ['Rejected', 'المرفوض'],
  rptLeftOut: ['Left out on purpose', 'المستبعد عمدًا'],
  rptSkipped: ['Skipped files', 'الملفات المتخطّاة'],
  rptNotes: ['Notes', 'ملاحظات'],
  rptNNotes: ['{n} notes', '{n} ملاحظة'],
  rptEntities: ['Entities by label', 'الكيانات بحسب الوسم'],
  rptNewLabels: ['New labels', 'الوسوم الجديدة'],
  rptImported: ['Imported', 'المستورد'],
  rptDuplicates: ['Duplicates (same text already in the project)', 'المكرر (النص نفسه موجود في المشروع)'],
  // --- import report ---
  rptMore: ['… and {n} more (Save or Copy report for all of them).', '… و{n} غيرها (احفظ التقرير أو انسخه لرؤيتها كلها).'],
  rptNRejected: ['{n} rejected', '{n} مرفوض'],
  rptNLeftOut: ['{n} left out', '{n} مستبعد'],
  rptLine: [' — line {n}', ' — السطر {n}'],
  rptCancelledN: ['Cancelled — {files} not imported', 'أُلغي — لم يُستورد {files}'],
  rptRolledBack: ['The file in progress was rolled back whole (nothing of it was written); the files before it stay imported.', 'تم التراجع عن الملف الجاري بالكامل (لم يُكتب منه شيء)؛ وتبقى الملفات التي قبله مستوردة.'],
  rptDupsDash: ['Duplicates — same text already in the project', 'المكرر — النص نفسه موجود في المشروع'],
  rptDesktopNote: ['The desktop app does not write report files: Copy report puts the whole report on the clipboard, to paste into a file.', 'لا يكتب تطبيق سطح المكتب ملفات التقارير: «نسخ التقرير» يضع التقرير كاملًا في الحافظة للصقه في ملف.'],
  importMore: ['Import more…', 'استيراد المزيد…'],
  saveReport: ['Save report', 'حفظ التقرير'],
  copyReport: ['Copy report', 'نسخ التقرير'],
  savedToDownloads: ['Saved {file} to your downloads.', 'حُفظ {file} في مجلد التنزيلات.'],
  noClipboard: ['the clipboard is not available here', 'الحافظة غير متاحة هنا'],
  reportCopied: ['The import report is on the clipboard.', 'نُسخ تقرير الاستيراد إلى الحافظة.'],
  csvNoHeader: ['The file has no header row.', 'لا يحتوي الملف على صف عناوين.'],
  csvChooseText: ['Choose the column that holds the article text.', 'اختر العمود الذي يحتوي نص المقال.'],
  // --- csv ---
  csvTwice: ['The column “{name}” is mapped twice.', 'العمود «{name}» مربوط مرتين.'],
  // --- import form ---
  roleText: ['Text', 'النص'],
  roleTitle: ['Title', 'العنوان'],
  roleUrl: ['URL', 'الرابط (URL)'],
  roleDate: ['Date', 'التاريخ'],
  roleMeta: ['meta', 'بيانات وصفية'],
  roleTextRequired: ['Text (required)', 'النص (إلزامي)'],
  delimComma: ['comma', 'بفواصل'],
  delimSemicolon: ['semicolon', 'بفواصل منقوطة'],
  delimTab: ['tab', 'بعلامات جدولة'],
  impWhat: ['What to import', 'ما يُستورد'],
  chooseFiles: ['Choose files…', 'اختيار الملفات…'],
  noFiles: ['No files chosen.', 'لم تُختر أي ملفات.'],
  impKinds: ['Text, HTML pages, CSV/TSV tables, JSON/JSONL (Hashiya, doccano, Label Studio, Prodigy) and CoNLL/IOB: ', 'نصوص، وصفحات HTML، وجداول CSV/TSV، وJSON/JSONL (حاشية، doccano، Label Studio، Prodigy)، وCoNLL/IOB: '],
  impAnnotator: ['Annotator', 'المحلل'],
  impAnnotatorHint: ['Annotations that name no annotator, and other tools’ labels, are filed under this name. Empty: each tool’s own name.', 'التوسيمات التي لا تذكر محللًا، ووسوم الأدوات الأخرى، تُسجَّل باسم هذا المحلل. إن تُرك فارغًا: اسم كل أداة.'],
  impFormat: ['Format', 'الصيغة'],
  impFormatHint: ['Automatic reads it from each file’s name and content.', '«تلقائي» يستنتجها من اسم كل ملف ومحتواه.'],
  impOffsets: ['Offsets unit', 'وحدة المواضع'],
  impClean: ['Drop web boilerplate from text files', 'حذف حشو صفحات الويب من الملفات النصية'],
  impCleanHint: [
    'Share counters, SEO scores, “subscribe” and comment-form lines, related-article footers and a leading site name are left out of .txt copies of web pages; the report lists each dropped line.',
    'تُحذف من نسخ صفحات الويب المحفوظة نصًّا عدّادات المشاركة ونتائج تحسين محركات البحث وسطور «اشترك» ونموذج التعليق وتذييل المقالات ذات الصلة واسم الموقع في أولها؛ ويذكر التقرير كل سطر محذوف.',
  ],
  readAs: [' · read as {enc}', ' · قُرئ بترميز {enc}'],
  chooseColumn: ['— choose a column —', '— اختر عمودًا —'],
  notMapped: ['— not mapped —', '— غير مربوط —'],
  columnN: ['(column {n})', '(العمود {n})'],
  previewOf: ['Preview of', 'معاينة'],
  columns: ['Columns', 'الأعمدة'],
  mappingAll: ['The mapping applies to every CSV/TSV file of this import (by column name). ', 'ينطبق الربط على كل ملفات CSV/TSV في هذا الاستيراد (بحسب اسم العمود). '],
  otherColumnsMeta: ['Other columns are kept as metadata.', 'تُحفظ الأعمدة الأخرى بيانات وصفية.'],
  previewNote: [': {delim}-separated, {columns}; the first {n} {rowsWord}{more}.', ': مفصولة {delim}، {columns}؛ أول {rows}{more}.'],
  moreFollow: [' (more follow)', ' (ويليها المزيد)'],
  previewRowsAria: ['Preview of the first rows', 'معاينة الصفوف الأولى'],
  chooseFilesFirst: ['Choose one or more files first.', 'اختر ملفًا واحدًا أو أكثر أولًا.'],
  // --- importer ---
  importArticles: ['Import articles', 'استيراد مقالات'],
  importing: ['Importing…', 'جارٍ الاستيراد…'],
  filesDone: ['{n} of {total} files done', 'اكتمل {n} من أصل {files}'],
  cancelling: ['Cancelling…', 'جارٍ الإلغاء…'],
  errCancel: ['Cancelling failed', 'تعذّر الإلغاء'],
  importFailedMsg: ['The import failed: {msg}', 'فشل الاستيراد: {msg}'],
  errImport: ['Import failed', 'فشل الاستيراد'],
  errSaveReport: ['Saving the report failed', 'تعذّر حفظ التقرير'],
  errCopyReport: ['Copying the report failed', 'تعذّر نسخ التقرير'],
  reading: ['Reading ', 'جارٍ قراءة '],
  cancelHelp: ['Cancel (or Esc) stops after the record being read: files already imported stay, the file in progress is rolled back whole.', '«إلغاء» (أو Esc) يوقف الاستيراد بعد السجل الجاري قراءته: تبقى الملفات المستوردة، ويُتراجع عن الملف الجاري بالكامل.'],
  // --- export dialog ---
  exportFailedTitle: ['The export failed:', 'فشل التصدير:'],
  misExpand: ['Expand them to whole tokens', 'وسّعها لتشمل وحدات كاملة'],
  misSplit: ['Split the tokens', 'قسّم الوحدات عند حدودها'],
  misSkip: ['Skip those spans', 'تجاوز هذه المقاطع'],
  misChoose: ['Choose what to do with them:', 'اختر ما يُفعل بها:'],
  misTitle: ['These spans have an edge inside a token of this export ({spans}):', 'لهذه المقاطع حدٌّ داخل وحدة من وحدات هذا التصدير ({spans}):'],
  misItem: ['Article {n} “{title}”: «{text}» {label}, by {who}', 'المقالة {n} «{title}»: «{text}» {label}، بواسطة {who}'],
  misMore: ['…and {n} more', '…و{n} غيرها'],
  errExport: ['Export failed', 'فشل التصدير'],
  exporting: ['Exporting…', 'جارٍ التصدير…'],
  exportingN: ['Exporting… {n} written', 'جارٍ التصدير… كُتب {n}'],
  stop: ['Stop', 'إيقاف'],
  stopping: ['Stopping: nothing will be written…', 'جارٍ الإيقاف: لن يُكتب شيء…'],
  chooseSave: ['Choose where to save the export…', 'اختر مكان حفظ التصدير…'],
  exportedTo: ['Exported {articles} and {spans} to {target}.', 'صُدِّر {articles} و{spans} إلى {target}.'],
  exportedFiles: ['{target} ({files}: {names})', '{target} ({files}: {names})'],
  exportedDesktop: ['Exported {articles} and {spans} to {target} (a manifest beside it).', 'صُدِّر {articles} و{spans} إلى {target} (ومعه ملف البيان).'],
  exportLabels: [' Labels: {labels}.', ' الوسوم: {labels}.'],
  moreNotes: [' (+{n} more notes)', ' (و{n} ملاحظات أخرى)'],
  errFileMenuAction: ['The File menu action failed', 'تعذّر تنفيذ أمر قائمة «ملف»'],
  splitThree: ['The split needs three ratios of 0 or more for train, dev and test, e.g. 0.8, 0.1, 0.1.', 'يحتاج التقسيم إلى ثلاث نسب (0 أو أكثر) للتدريب والتطوير والاختبار، مثل 0.8 و0.1 و0.1.'],
  splitSum: ['The split ratios must add up to 1 (or 100 %), e.g. 0.8, 0.1, 0.1; these add up to {sum}.', 'يجب أن يكون مجموع نسب التقسيم 1 (أو 100 %)، مثل 0.8 و0.1 و0.1؛ ومجموع هذه النسب {sum}.'],
  seedWhole: ['The seed must be a whole number of 0 or more, not "{seed}".', 'يجب أن تكون البذرة عددًا صحيحًا (0 أو أكثر)، لا «{seed}».'],
  renameForm: ['Rename "{item}" must look like OLD=NEW.', 'يجب أن تكون إعادة التسمية «{item}» على شكل OLD=NEW (القديم=الجديد).'],
  xfJsonl: ['jsonl — native, lossless, re-importable', 'jsonl — الصيغة الأصلية، دون فقد، قابلة لإعادة الاستيراد'],
  xfSpans: ['spans — text + spans (Hugging Face datasets)', 'spans — النص + المقاطع (مجموعات بيانات Hugging Face)'],
  xfDoccano: ['doccano — UTF-16 offsets', 'doccano — مواضع UTF-16'],
  xfLabelstudio: ['labelstudio — Label Studio tasks', 'labelstudio — مهام Label Studio'],
  xfProdigy: ['prodigy — ner_manual, tokens', 'prodigy — ner_manual، وحدات'],
  xfHf: ['hf — tokens + IOB2 ner_tags', 'hf — وحدات + وسوم IOB2 ‏(ner_tags)'],
  xfConll: ['conll — CoNLL-2003 IOB2', 'conll — صيغة CoNLL-2003 بوسوم IOB2'],
  xAnnotations: ['Annotations', 'التوسيمات'],
  xAnalystsWork: ['Analysts\' work — tick some, or none for everyone:', 'عمل المحللين — حدّد بعضهم، أو لا تحدّد أحدًا لتصدير عمل الجميع:'],
  xGold: ['Gold layer (adjudicated by reviewers)', 'الطبقة الذهبية (ما حسمه المراجعون)'],
  xUnadjudicated: ['also articles not yet marked adjudicated', 'وكذلك المقالات التي لم يُعلَّم عليها بعد أنها محسومة'],
  xAnyStatus: ['any status', 'أي حالة'],
  xTodo: ['to do', 'للإنجاز'],
  xInProgress: ['in progress', 'قيد الإنجاز'],
  xDone: ['done', 'منجز'],
  xAnyTag: ['any tag', 'أي تصنيف'],
  xQueryPh: ['title or text contains…', 'العنوان أو النص يحتوي على…'],
  xRenamePh: ['GPE=LOC (one per line)', 'GPE=LOC (واحدة في كل سطر)'],
  xCodepoints: ['code points (Python)', 'نقاط الترميز (Python)'],
  xUtf16: ['UTF-16 units (JavaScript)', 'وحدات UTF-16 ‏(JavaScript)'],
  xUtf8: ['UTF-8 bytes', 'بايتات UTF-8'],
  xRefuse: ['refuse and list them', 'الرفض مع سرد المقاطع'],
  xExpand: ['expand to whole tokens', 'التوسيع إلى وحدات كاملة'],
  xSplitTokens: ['split the tokens', 'تقسيم الوحدات'],
  xSkip: ['skip those spans', 'تخطّي تلك المقاطع'],
  xClitics: ['Clitic prefixes', 'السوابق المتصلة'],
  xCliticsProject: ["as the project's clitic setting", 'حسب إعداد المشروع للسوابق'],
  xCliticsExclude: ['split off (و ف ب ك ل before ال), as selections leave them out', 'تُفصل (و ف ب ك ل قبل ال) كما تُستثنى عند التحديد'],
  xCliticsInclude: ['kept with the word', 'تبقى مع الكلمة'],
  xCliticsHint: ['token formats: where words split into tokens', 'صيغ الوحدات: أين تُقسم الكلمات إلى وحدات'],
  xTrainDevTest: ['Train / dev / test', 'تدريب / تطوير / اختبار'],
  xSplitOn: ['split by article into three files', 'التقسيم بحسب المقال إلى ثلاثة ملفات'],
  xTrain: ['Train', 'تدريب'],
  xDev: ['Dev', 'تطوير'],
  xTest: ['Test', 'اختبار'],
  xSeed: ['Seed', 'البذرة'],
  xRatiosHint: ['Ratios add up to 1; the same seed gives the same split.', 'مجموع النسب 1؛ والبذرة نفسها تعطي التقسيم نفسه.'],
  xTitle: ['Export training data', 'تصدير بيانات التدريب'],
  xStatusHint: ['of one of the chosen analysts', 'لدى أحد المحللين المختارين'],
  xSearch: ['Search', 'البحث'],
  xLabels: ['Labels', 'الوسوم'],
  xRename: ['Rename', 'إعادة التسمية'],
  xRenameHint: ['OLD=NEW; two labels renamed to one are merged', 'القديم=الجديد؛ يُدمج وسمان أُعيدت تسميتهما باسم واحد'],
  xLeaveOut: ['Leave out', 'استبعاد'],
  xOffsetsTokens: ['Offsets and tokens', 'المواضع والوحدات'],
  xOffsets: ['Offsets', 'المواضع'],
  xOffsetsHint: ['jsonl and spans only', 'لصيغتي jsonl وspans فقط'],
  xEdge: ['Span edge inside a token', 'حدّ مقطع داخل وحدة'],
  xEdgeHint: ['token formats: prodigy, hf, conll', 'صيغ الوحدات: prodigy وhf وconll'],
  xRun: ['Export', 'تصدير'],
  // --- settings, colours ---
  notColour: ['Not a colour (#rrggbb).', 'ليس لونًا (‎#rrggbb).'],
  themeLight: ['light', 'الفاتح'],
  themeDark: ['dark', 'الداكن'],
  hardToRead: ['Text on this highlight is hard to read in the {theme} theme.', 'يصعب قراءة النص على هذا التظليل في المظهر {theme}.'],
  hardToSee: ['The underline is hard to see in the {theme} theme.', 'يصعب رؤية الخط السفلي في المظهر {theme}.'],
  tooClose: ['Too close to {name}\'s colour.', 'قريب جدًّا من لون {name}.'],
  labName: ['Name', 'الاسم'],
  labNamePh: ['NAME', 'الاسم'],
  labColour: ['Colour', 'اللون'],
  labHotkey: ['Hotkey', 'مفتاح الاختصار'],
  labHotkeyPh: ['key', 'مفتاح'],
  labDesc: ['Description (shown as a hint)', 'الوصف (يظهر تلميحًا)'],
  labDescPh: ['Description: what this label covers (shown as a hint)', 'الوصف: ما يشمله هذا الوسم (يظهر تلميحًا)'],
  keyTaken: ['The key {key} is already {name}\'s.', 'المفتاح {key} مخصّص مسبقًا لـ{name}.'],
  keyApp: ['The key {key} is an app shortcut.', 'المفتاح {key} اختصار في التطبيق.'],
  add: ['Add', 'إضافة'],
  labNeedsName: ['A label needs a name.', 'يحتاج الوسم إلى اسم.'],
  labRenamed: ['Renamed {from} to {to}; its annotations keep it.', 'أُعيدت تسمية {from} إلى {to}؛ وتحتفظ توسيماته بالاسم الجديد.'],
  labSaved: ['Saved {name}.', 'حُفظ {name}.'],
  errSaveLabel: ['Saving the label failed', 'تعذّر حفظ الوسم'],
  deleteDots: ['Delete…', 'حذف…'],
  labDeleteWith: ['Delete {name} and {n}', 'حذف {name} و{n}'],
  labDelete: ['Delete {name}', 'حذف {name}'],
  keepIt: ['Keep it', 'إبقاؤه'],
  labUsedBy: ['{name} is used by {parts}. They are deleted with it.', 'يُستخدم {name} في: {parts}. وستُحذف معه.'],
  labUnused: ['{name} is not used yet.', 'لم يُستخدم {name} بعد.'],
  labDeleted: ['Deleted {name}{with}.', 'حُذف {name}{with}.'],
  labAndN: [' and {n}', ' و{n}'],
  errDeleteLabel: ['Deleting the label failed', 'تعذّر حذف الوسم'],
  errLabelUsage: ['Counting the label’s annotations failed', 'تعذّر عدّ توسيمات الوسم'],
  newSpanLabel: ['New span label', 'وسم مقاطع جديد'],
  newTag: ['New tag', 'تصنيف جديد'],
  labelsHelp: ['Renaming keeps every annotation. Colours are checked for reading in the light and dark themes and for telling labels apart. Descriptions show as hints on the palette and in the span editor.', 'إعادة التسمية تحفظ كل التوسيمات. تُفحص الألوان لسهولة القراءة في المظهرين الفاتح والداكن وللتمييز بين الوسوم. تظهر الأوصاف تلميحاتٍ في لوحة الوسوم وفي محرر المقطع.'],
  guideMd: ['Guidelines (Markdown)', 'الإرشادات (Markdown)'],
  saveGuidelines: ['Save guidelines', 'حفظ الإرشادات'],
  guidelinesSaved: ['Guidelines saved.', 'حُفظت الإرشادات.'],
  errSaveGuidelines: ['Saving the guidelines failed', 'تعذّر حفظ الإرشادات'],
  mdHelp: ['Markdown: # headings, - lists, 1. numbered, **bold**, *italic*, `code`, ``` blocks. Every analyst sees them (Shift+G).', '‏Markdown: ‏# للعناوين، ‏- للقوائم، ‏1. للترقيم، ‏**عريض**، ‏*مائل*، ‏`شيفرة`، ‏``` للكتل. يراها كل المحللين (Shift+G).'],
  savedCliticsOut: ['Saved: selections now leave clitic prefixes out.', 'حُفظ: التحديدات تستبعد السوابق الآن.'],
  savedCliticsKeep: ['Saved: selections now keep clitic prefixes.', 'حُفظ: التحديدات تُبقي السوابق الآن.'],
  errSaveSetting: ['Saving the setting failed', 'تعذّر حفظ الإعداد'],
  cliticLegend: ['Clitic prefixes (و ف ب ك ل before a word)', 'السوابق (و ف ب ك ل قبل الكلمة)'],
  cliticExclude: ['Leave them out: selecting والرباط labels الرباط, and token exports split و off (default)', 'استبعادها: تحديد «والرباط» يَسِم «الرباط»، وتفصل صيغ الوحدات «و» عنها (الافتراضي)'],
  cliticInclude: ['Keep them: selecting والرباط labels والرباط, and token exports keep whole words', 'إبقاؤها: تحديد «والرباط» يَسِم «والرباط»، وتُبقي صيغ الوحدات الكلمات كاملة'],
  cliticHelp: ['The article stays with its word; للرياض (ل + the article without its alef) stays whole. Shift+C switches it for the next selection only; Alt selects exactly what you drag.', 'تبقى «ال» مع كلمتها، و«للرياض» (ل + «ال» بلا ألف) تبقى كاملة. ‏Shift+C يبدّل ذلك للتحديد التالي فقط؛ وAlt يحدّد بالضبط ما تسحبه.'],
  tabProject: ['Project', 'المشروع'],
  settingsTitleH: ['Project settings', 'إعدادات المشروع'],
  tagSuffix: [' (tag)', ' (تصنيف)'],
  noGuidelines: ['No guidelines yet.', 'لا إرشادات بعد.'],
  editDots: ['Edit…', 'تعديل…'],
  // --- review layout, head, resolutions ---
  rvAnalystsAria: ['Analysts to compare', 'المحللون المراد مقارنتهم'],
  rvAcceptAllTitle: ['Put every span all compared analysts agree on into the gold layer (Shift+A)', 'نقل كل مقطع يتفق عليه جميع المحللين المقارَنين إلى الطبقة الذهبية (Shift+A)'],
  rvAcceptAll: ['Accept all agreeing ', 'قبول كل المتفق عليه '],
  rvAdjTitle: ['Mark this article adjudicated, or reopen it (Ctrl+Enter)', 'وضع علامة «محسوم» على هذا المقال، أو إعادة فتحه (Ctrl+Enter)'],
  rvMarkAdj: ['Mark adjudicated ', 'وضع علامة «محسوم» '],
  rvAdjudicated: ['Adjudicated ✓ ', 'محسوم ✓ '],
  rvNextTitle: ['Open the next article where the compared analysts disagree (Shift+N)', 'فتح المقال التالي الذي يختلف فيه المحللون المقارَنون (Shift+N)'],
  rvNext: ['Next article with disagreements ', 'المقال التالي ذو الخلافات '],
  rvGoldTagsAria: ['Gold tags', 'التصنيفات الذهبية'],
  rvPaletteAria: ['Add the selected text to the gold layer', 'إضافة النص المحدد إلى الطبقة الذهبية'],
  rvHint: ['j / k: next / previous disagreement · Shift+N next article with disagreements · a accept · r reject · e edit · x remove from gold · c comment. Select text and press a label key to add a span to the gold layer; tag keys toggle gold tags.', '‏j / k: الخلاف التالي / السابق · Shift+N المقال التالي ذو الخلافات · a قبول · r رفض · e تعديل · x إزالة من الطبقة الذهبية · c تعليق. حدّد نصًّا واضغط مفتاح وسم لإضافة مقطع إلى الطبقة الذهبية؛ ومفاتيح التصنيفات تبدّل التصنيفات الذهبية.'],
  rvDisagreements: ['Disagreements', 'الخلافات'],
  rvGoldTags: ['Gold tags:', 'التصنيفات الذهبية:'],
  rvTaggedBy: ['Tagged by: {names}', 'صنّفه: {names}'],
  rvNobodyTagged: ['No compared analyst tagged this', 'لم يصنّفه أي من المحللين المقارَنين'],
  rvAddToGold: ['Add selection to gold:', 'إضافة التحديد إلى الطبقة الذهبية:'],
  resOpen: ['Open', 'مفتوح'],
  resAccepted: ['Accepted', 'مقبول'],
  resEdited: ['Edited', 'معدَّل'],
  resRejected: ['Rejected', 'مرفوض'],
  resOther: ['Other version in gold', 'نسخة أخرى في الطبقة الذهبية'],
  // --- review panel ---
  kindLabel: ['Label', 'وسم'],
  kindBoundary: ['Boundary', 'حدود'],
  kindConflict: ['Conflict', 'تعارض'],
  kindMissing: ['Missing', 'ناقص'],
  decAccepted: ['accepted', 'مقبول'],
  decAdded: ['added', 'مضاف'],
  decEdited: ['edited', 'معدَّل'],
  decRejected: ['rejected', 'مرفوض'],
  decRemoved: ['removed', 'محذوف'],
  rvLane: [' lane {n}', ' المسار {n}'],
  rvGoldWord: ['gold', 'الذهبية'],
  rvHasLacks1: ['{has} has it · {lacks} lacks it', 'لدى {has} · ليس لدى {lacks}'],
  rvHasLacksN: ['{has} has it · {lacks} lack it', 'لدى {has} · ليس لدى {lacks}'],
  rvPressJ: ['Press j for the first disagreement.', 'اضغط j للانتقال إلى أول خلاف.'],
  rvNoDisagreements: ['No disagreements between these analysts.', 'لا خلافات بين هؤلاء المحللين.'],
  rvAccept: ['Accept', 'قبول'],
  rvReject: ['Reject', 'رفض'],
  rvEdit: ['Edit', 'تعديل'],
  rvRemove: ['Remove from gold', 'إزالة من الطبقة الذهبية'],
  rvGoldEmpty: ['The gold layer is empty.', 'الطبقة الذهبية فارغة.'],
  rvRemoveAria: ['Remove {label} {text} from the gold layer', 'إزالة {label} {text} من الطبقة الذهبية'],
  rvCommentOn: ['Comment on', 'التعليق على'],
  rvTheArticle: ['the article', 'المقال'],
  rvTheSpan: ['the current span ({name}\'s {label})', 'المقطع الحالي ({label} لدى {name})'],
  rvCommentPh: ['Reviewer comment (Ctrl+Enter saves)', 'تعليق المراجع (Ctrl+Enter للحفظ)'],
  errComment: ['Saving the comment failed', 'تعذّر حفظ التعليق'],
  rvComment: ['Comment', 'تعليق'],
  rvArticleWord: ['article', 'المقال'],
  rvSpanN: ['span {n}', 'المقطع {n}'],
  rvOn: [' on {what}: ', ' على {what}: '],
  rvOnLabel: ['On ', 'على '],
  rvLog: ['Decision log ({n})', 'سجل القرارات ({n})'],
  rvSummary: ['{n} disagreements ({open} open) · {agreed} agreed · {gold} in gold{adj}', '{dis} (المفتوح منها {open}) · المتفق عليه {agreed} · في الطبقة الذهبية {gold}{adj}'],
  rvAdjSuffix: [' · adjudicated', ' · محسوم'],
  rvNone: ['None.', 'لا شيء.'],
  rvTagDiffs: ['Tag differences', 'اختلافات التصنيف'],
  rvTagHasNot: ['{has} has it · {lacks} not', 'لدى {has} · ليس لدى {lacks}'],
  rvGoldLayer: ['Gold layer', 'الطبقة الذهبية'],
  rvComments: ['Comments', 'التعليقات'],
  // --- review actions ---
  rvChooseTwo: ['Choose at least two analysts to compare.', 'اختر محللَين اثنين على الأقل للمقارنة.'],
  rvChooseArticle: ['Choose an article from the list to review it.', 'اختر مقالًا من القائمة لمراجعته.'],
  rvNoneSelected: ['No disagreement is selected: press j to go to the first one.', 'لم يُحدَّد أي خلاف: اضغط j للانتقال إلى أول خلاف.'],
  rvNoGoldHere: ['The gold layer has no span exactly here; remove others from the Gold list.', 'لا يوجد في الطبقة الذهبية مقطع في هذا الموضع بالضبط؛ أزِل غيره من قائمة الطبقة الذهبية.'],
  rvAgreeingAdded: ['{n} agreeing {spans} added to the gold layer.', 'أُضيف {spansAr} من المتفق عليه إلى الطبقة الذهبية.'],
  rvMarkedAdj: ['Article marked adjudicated.', 'وُضعت على المقال علامة «محسوم».'],
  rvReopened: ['Article reopened for review.', 'أُعيد فتح المقال للمراجعة.'],
  rvWriteFirst: ['Write the comment first.', 'اكتب التعليق أولًا.'],
  rvCommentSaved: ['Comment saved.', 'حُفظ التعليق.'],
  rvSelectFirst: ['Select some text in the article first, then choose a label.', 'حدّد نصًّا في المقال أولًا، ثم اختر وسمًا.'],
  rvFinding: ['Finding the articles where these analysts disagree…', 'جارٍ البحث عن المقالات التي يختلف فيها هؤلاء المحللون…'],
  rvChooseTwoFirst: ['Choose at least two analysts to compare first.', 'اختر أولًا محللَين اثنين على الأقل للمقارنة.'],
  rvAgreeAll: ['The compared analysts agree on every article.', 'يتفق المحللون المقارَنون في كل المقالات.'],
  rvNoOther: ['No other article has disagreements between these analysts.', 'لا يوجد مقال آخر فيه خلافات بين هؤلاء المحللين.'],
  nStartEarlier: ['Start one word earlier', 'تقديم البداية كلمة'],
  nStartLater: ['Start one word later', 'تأخير البداية كلمة'],
  nEndEarlier: ['End one word earlier', 'تقديم النهاية كلمة'],
  nEndLater: ['End one word later', 'تأخير النهاية كلمة'],
  reUseSel: ['Use the text selection ', 'استخدام النص المحدد '],
  reSave: ['Save to gold ', 'حفظ في الطبقة الذهبية '],
  reTitle: ['Edit into the gold layer', 'تعديل في الطبقة الذهبية'],
  errEditSpan: ['Editing the span failed', 'تعذّر تعديل المقطع'],
  // --- review errors, picker ---
  errAdj: ['Marking the article adjudicated failed', 'تعذّر وضع علامة «محسوم» على المقال'],
  errAddGold: ['Adding the gold span failed', 'تعذّرت إضافة المقطع الذهبي'],
  errAcceptAgreeing: ['Accepting the agreeing spans failed', 'تعذّر قبول المقاطع المتفق عليها'],
  errNextDis: ['Finding the next article with disagreements failed', 'تعذّر العثور على المقال التالي ذي الخلافات'],
  errMove: ['Moving failed', 'تعذّر الانتقال'],
  errAccept: ['Accepting failed', 'تعذّر القبول'],
  errReject: ['Rejecting failed', 'تعذّر الرفض'],
  errEdit: ['Editing failed', 'تعذّر التعديل'],
  errRemoveGold: ['Removing from gold failed', 'تعذّرت الإزالة من الطبقة الذهبية'],
  errCommenting: ['Commenting failed', 'تعذّر التعليق'],
  errGoldTag: ['Changing the gold tag failed', 'تعذّر تغيير التصنيف الذهبي'],
  errRemoveGoldSpan: ['Removing the gold span failed', 'تعذّرت إزالة المقطع الذهبي'],
  errAnalysts: ['Changing the analysts failed', 'تعذّر تغيير المحللين'],
  compareLegend: ['Compare:', 'مقارنة:'],
  noAnalysts: ['No analysts in this project yet.', 'لا محللين في هذا المشروع بعد.'],
  // --- agreement, progress ---
  mCohen: ['Cohen\'s κ (tokens)', 'كابا كوهين κ (الوحدات)'],
  mExact: ['Span F1, exact', 'F1 للمقاطع، تطابق تام'],
  mOverlap: ['Span F1, overlap', 'F1 للمقاطع، تداخل'],
  agArticles: ['Articles compared', 'المقالات المقارَنة'],
  agNAnalysts: ['{n} analysts', '{analysts}'],
  agFleissGroup: ['Fleiss\' κ (group)', 'كابا فلايس κ (المجموعة)'],
  agArticlesTokens: ['{a} articles · {t} tokens', 'المقالات: {a} · الوحدات: {t}'],
  agAlpha: ['Krippendorff\'s α', 'ألفا كريبندورف α'],
  agFleiss: ['Fleiss\' κ', 'كابا فلايس κ'],
  agCohen: ['Cohen\'s κ', 'كابا كوهين κ'],
  agMatrix: ['Agreement matrix', 'مصفوفة الاتفاق'],
  agShow: ['Show', 'عرض'],
  agBetweenPairs: ['{metric} between each pair of analysts', '{metric} بين كل زوج من المحللين'],
  agTwoNeeded: ['Two analysts are needed.', 'يلزم محللان اثنان.'],
  agColourHelp: ['Colour: red at 0 (or below), pale yellow at 0.5, green at 1; grey where the core could not compute the value (n/a).', 'اللون: أحمر عند 0 (أو أقل)، وأصفر باهت عند 0.5، وأخضر عند 1؛ ورمادي حيث تعذّر حساب القيمة (n/a).'],
  agPerLabelGroup: ['Per label (group)', 'لكل وسم (المجموعة)'],
  agPerLabelChart: ['Agreement per label', 'الاتفاق لكل وسم'],
  agPairs: ['Pairs', 'الأزواج'],
  agOnePair: ['Per label, one pair', 'لكل وسم، زوج واحد'],
  agPair: ['Pair', 'الزوج'],
  agExactF1: ['Exact F1', 'F1 تام'],
  agOverlapF1: ['Overlap F1', 'F1 بالتداخل'],
  agExactP: ['Exact P', 'P تام'],
  agExactR: ['Exact R', 'R تام'],
  agOverlapP: ['Overlap P', 'P بالتداخل'],
  agOverlapR: ['Overlap R', 'R بالتداخل'],
  agTokens: ['Tokens', 'الوحدات'],
  agColARef: ['A (reference)', 'A (المرجع)'],
  agPerLabelPair: ['Per label: {a} × {b}', 'لكل وسم: {a} × {b}'],
  agReviewFirst: ['Articles to review first', 'المقالات ذات الأولوية في المراجعة'],
  agRuleOverlap: ['Overlap matching: ', 'مطابقة التداخل: '],
  agRuleTokens: ['Tokens: ', 'الوحدات: '],
  agRuleAlpha: ['Alpha: ', 'ألفا: '],
  agRuleWorked: ['Worked on: ', 'ما عُمل عليه: '],
  agTickTwo: ['Tick at least two analysts (or none for everyone).', 'حدّد محللَين اثنين على الأقل (أو لا تحدّد أحدًا لاختيار الجميع).'],
  counting: ['Counting…', 'جارٍ العدّ…'],
  agProgress: ['Progress per analyst', 'التقدّم لكل محلل'],
  agPickerLegend: ['Analysts (none ticked: everyone):', 'المحللون (إن لم تحدّد أحدًا: الجميع):'],
  errCountProgress: ['Counting progress failed', 'تعذّر حساب التقدّم'],
  agNoRanked: ['No article has two analysts yet.', 'لا يوجد بعد مقال عمل عليه محللان.'],
  agOpenReview: ['Open in the review view', 'فتح في عرض المراجعة'],
  agRankedLine: ['{dis} · {pct} of tokens · ', '{dis} · {pct} من الوحدات · '],
  pAnalyst: ['Analyst', 'المحلل'],
  pTags: ['Tags', 'التصنيفات'],
  pSpansChart: ['Spans per label, per analyst', 'المقاطع لكل وسم، لكل محلل'],
  pDoneChart: ['Articles done and in progress, per analyst', 'المقالات المنجزة وقيد الإنجاز، لكل محلل'],
  pGold: ['{n} articles · {adj} adjudicated by reviewers · {gold} gold spans', '{articles} · حسم المراجعون {adj} · المقاطع الذهبية: {gold}'],
  pNobody: ['No analyst has worked in this project yet.', 'لم يعمل أي محلل في هذا المشروع بعد.'],
  pDoneCaption: ['Articles done (green) and in progress (amber)', 'المقالات المنجزة (بالأخضر) وقيد الإنجاز (بالكهرماني)'],
  pSpansCaption: ['Spans per label: ', 'المقاطع لكل وسم: '],
  // --- api, handles ---
  noToken: ['No access token: open the full URL that `hashiya serve` printed (it ends in ?token=…).', 'لا يوجد رمز وصول: افتح العنوان الكامل الذي طبعه ‎`hashiya serve`‎ (ينتهي بـ ‎?token=…‎).'],
  noServer: ['Cannot reach the Hashiya server. Is `hashiya serve` still running?', 'تعذّر الوصول إلى خادم حاشية. هل ما زال ‎`hashiya serve`‎ يعمل؟'],
  httpError: ['The server answered {status} to {cmd}.', 'أجاب الخادم بـ {status} على {cmd}.'],
  dragStart: ['Drag to move the start (Alt: exact)', 'اسحب لتحريك البداية (Alt: بدقة)'],
  dragEnd: ['Drag to move the end (Alt: exact)', 'اسحب لتحريك النهاية (Alt: بدقة)'],
  // --- sizes ---
  sizeB: ['{n} B', '{n} بايت'],
  sizeKB: ['{n} KB', '{n} كيلوبايت'],
  sizeMB: ['{n} MB', '{n} ميغابايت'],
  // --- importer busy ---
  importRunning: ['an import is already running', 'هناك استيراد جارٍ بالفعل'],
  // @end-of-strings
} as const satisfies Record<string, readonly [string, string]>;

export type Key = keyof typeof S;

function table(i: 0 | 1): Record<Key, string> {
  const out = {} as Record<Key, string>;
  for (const k of Object.keys(S) as Key[]) out[k] = S[k][i];
  return out;
}

export const TABLES: Record<Lang, Record<Key, string>> = { en: table(0), ar: table(1) };

let lang: Lang = 'en';
const listeners: (() => void)[] = [];

export function currentLang(): Lang {
  return lang;
}

export type Params = Record<string, string | number>;

/** The string for `key` in the interface language, with `{name}` parameters filled in. */
export function t(key: Key, params?: Params): string {
  const s = TABLES[lang][key] ?? TABLES.en[key];
  return params ? fill(s, params) : s;
}

/** t() as pieces for the DOM: string parameters are filled in, node parameters (e.g. a <bdi> holding a name, so
 * an Arabic name cannot reorder an English sentence or a Latin one an Arabic sentence) are put in place. */
export function tNodes<N>(key: Key, params: Record<string, string | number | N>): (string | N)[] {
  const s = TABLES[lang][key] ?? TABLES.en[key];
  const out: (string | N)[] = [];
  let last = 0;
  for (const m of s.matchAll(/\{(\w+)\}/g)) {
    const v = m[1] in params ? params[m[1]] : m[0];
    out.push(s.slice(last, m.index));
    out.push(typeof v === 'number' ? String(v) : v);
    last = (m.index ?? 0) + m[0].length;
  }
  out.push(s.slice(last));
  return out.filter((x) => x !== '');
}

/** A name isolated for plain text (attributes, options): U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE. */
export const isolate = (name: string): string => `\u2068${name}\u2069`;

/** Replace `{name}` by params.name (unknown names stay as they are). */
export function fill(s: string, params: Params): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Count phrases: English [singular, plural]; Arabic [one, two (nominative), two (genitive/accusative), 3–10, 11–99, 100+ and 0].
 * The Arabic 3–10, 11–99 and 100+ forms follow the number; one and two stand alone ("مقال واحد", "مقالان"). */
const NOUNS = {
  article: [['article', 'articles'], ['مقال واحد', 'مقالان', 'مقالين', 'مقالات', 'مقالًا', 'مقال']],
  span: [['span', 'spans'], ['مقطع واحد', 'مقطعان', 'مقطعين', 'مقاطع', 'مقطعًا', 'مقطع']],
  place: [['place', 'places'], ['موضع واحد', 'موضعان', 'موضعين', 'مواضع', 'موضعًا', 'موضع']],
  occurrence: [['occurrence', 'occurrences'], ['موضع واحد', 'موضعان', 'موضعين', 'مواضع', 'موضعًا', 'موضع']],
  file: [['file', 'files'], ['ملف واحد', 'ملفان', 'ملفين', 'ملفات', 'ملفًا', 'ملف']],
  label: [['label', 'labels'], ['وسم واحد', 'وسمان', 'وسمين', 'وسوم', 'وسمًا', 'وسم']],
  tag: [['tag', 'tags'], ['تصنيف واحد', 'تصنيفان', 'تصنيفين', 'تصنيفات', 'تصنيفًا', 'تصنيف']],
  analyst: [['analyst', 'analysts'], ['محلل واحد', 'محللان', 'محللين', 'محللين', 'محللًا', 'محلل']],
  annotator: [['annotator', 'annotators'], ['محلل واحد', 'محللان', 'محللين', 'محللين', 'محللًا', 'محلل']],
  disagreement: [['disagreement', 'disagreements'], ['خلاف واحد', 'خلافان', 'خلافين', 'خلافات', 'خلافًا', 'خلاف']],
  comment: [['comment', 'comments'], ['تعليق واحد', 'تعليقان', 'تعليقين', 'تعليقات', 'تعليقًا', 'تعليق']],
  decision: [['decision', 'decisions'], ['قرار واحد', 'قراران', 'قرارين', 'قرارات', 'قرارًا', 'قرار']],
  record: [['record', 'records'], ['سجل واحد', 'سجلان', 'سجلين', 'سجلات', 'سجلًا', 'سجل']],
  line: [['line', 'lines'], ['سطر واحد', 'سطران', 'سطرين', 'أسطر', 'سطرًا', 'سطر']],
  row: [['row', 'rows'], ['صف واحد', 'صفان', 'صفين', 'صفوف', 'صفًّا', 'صف']],
  column: [['column', 'columns'], ['عمود واحد', 'عمودان', 'عمودين', 'أعمدة', 'عمودًا', 'عمود']],
  pair: [['pair', 'pairs'], ['زوج واحد', 'زوجان', 'زوجين', 'أزواج', 'زوجًا', 'زوج']],
  duplicate: [['duplicate', 'duplicates'], ['مكرر واحد', 'مكرران', 'مكررين', 'مكررات', 'مكررًا', 'مكرر']],
  annotation: [['annotation', 'annotations'], ['توسيم واحد', 'توسيمان', 'توسيمين', 'توسيمات', 'توسيمًا', 'توسيم']],
  goldSpan: [['gold span', 'gold spans'], ['مقطع ذهبي واحد', 'مقطعان ذهبيان', 'مقطعين ذهبيين', 'مقاطع ذهبية', 'مقطعًا ذهبيًّا', 'مقطع ذهبي']],
  goldTag: [['gold tag', 'gold tags'], ['تصنيف ذهبي واحد', 'تصنيفان ذهبيان', 'تصنيفين ذهبيين', 'تصنيفات ذهبية', 'تصنيفًا ذهبيًّا', 'تصنيف ذهبي']],
  sentence: [['sentence', 'sentences'], ['جملة واحدة', 'جملتان', 'جملتين', 'جمل', 'جملة', 'جملة']],
} as const satisfies Record<string, readonly [readonly [string, string], readonly [string, string, string, string, string, string]]>;

export type Noun = keyof typeof NOUNS;

/** The Arabic plural category of a whole number: one, two, few (3–10), many (11–99) or other (0, 100+), by n mod 100 as CLDR does. */
export function arabicCategory(n: number): 'one' | 'two' | 'few' | 'many' | 'other' {
  if (n === 1) return 'one';
  if (n === 2) return 'two';
  const m = Math.abs(n) % 100;
  if (m >= 3 && m <= 10) return 'few';
  if (m >= 11 && m <= 99) return 'many';
  return 'other';
}

/** "3 articles" / "3 مقالات": a number with its noun in the interface language. `grammatical case` matters only for the
 * Arabic dual (مقالان / مقالين); `num` is how the number is written (default: as is). */
export function count(n: number, noun: Noun, opts: { gen?: boolean; num?: string; in?: Lang } = {}): string {
  const l = opts.in ?? lang;
  const num = opts.num ?? String(n);
  const [en, ar] = NOUNS[noun];
  if (l === 'en') return `${num} ${n === 1 ? en[0] : en[1]}`;
  switch (arabicCategory(n)) {
    case 'one':
      return ar[0];
    case 'two':
      return opts.gen ? ar[2] : ar[1];
    case 'few':
      return `${num} ${ar[3]}`;
    case 'many':
      return `${num} ${ar[4]}`;
    default:
      return `${num} ${ar[5]}`;
  }
}

/** The English noun alone ("place" / "places") for sentences that put words between the number and the noun. */
export function enWord(n: number, noun: Noun): string {
  return NOUNS[noun][0][n === 1 ? 0 : 1];
}

/** Call `fn` after every language switch (to draw code-rendered parts again). */
export function onLangChange(fn: () => void): void {
  listeners.push(fn);
}

/** Switch the language: mirror the shell (dir=rtl on the page, the app and its dialogs) and refresh [data-i18n*] texts.
 * Article paragraphs keep their own dir=auto. */
export function setLang(l: Lang, root: Document = document): void {
  const changed = l !== lang;
  lang = l;
  const dir = l === 'ar' ? 'rtl' : 'ltr';
  root.documentElement.lang = l;
  root.documentElement.dir = dir;
  root.body.dir = dir;
  root.getElementById('app')?.setAttribute('dir', dir);
  refreshTexts(root);
  if (changed) for (const fn of listeners) fn();
}

/** Fill [data-i18n] (text), [data-i18n-title], [data-i18n-aria] (aria-label) and [data-i18n-placeholder] under `root`. */
export function refreshTexts(root: ParentNode = document): void {
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n]')) e.textContent = t(e.dataset.i18n as Key);
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) e.title = t(e.dataset.i18nTitle as Key);
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n-aria]')) e.setAttribute('aria-label', t(e.dataset.i18nAria as Key));
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) e.setAttribute('placeholder', t(e.dataset.i18nPlaceholder as Key));
}

/** Mark an element built elsewhere as translated: its text, title, aria-label or placeholder follow `keys`. */
export function translate(e: Element | null, keys: { text?: Key; title?: Key; aria?: Key; placeholder?: Key }): void {
  if (!(e instanceof HTMLElement)) return;
  if (keys.text) e.dataset.i18n = keys.text;
  if (keys.title) e.dataset.i18nTitle = keys.title;
  if (keys.aria) e.dataset.i18nAria = keys.aria;
  if (keys.placeholder) e.dataset.i18nPlaceholder = keys.placeholder;
}
