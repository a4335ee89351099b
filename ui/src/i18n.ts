// Interface language: English and Arabic string tables, t(key), and [data-i18n] elements refreshed on a switch.

export type Lang = 'en' | 'ar';

const en = {
  annotate: 'Annotate',
  review: 'Review',
  agreement: 'Agreement',
  import: 'Import',
  export: 'Export…',
  analyst: 'Analyst: ',
  guidelines: 'Guidelines',
  settings: 'Settings',
  theme: 'Theme',
  language: 'العربية',
  chooseArticle: 'Choose an article from the list.',
  paletteHint:
    'Select text (or click into a word), then click a label or press its key. Selections snap to whole words and leave clitics out; hold Alt for an exact selection. Click a highlight to edit it; [ and ] move between spans. Press ? for every shortcut.',
  textSmaller: 'Smaller text (-)',
  textBigger: 'Larger text (+)',
  undo: '↶ Undo',
  redo: '↷ Redo',
  shortcuts: 'Keyboard shortcuts',
  close: 'Close',
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
} as const;

export type Key = keyof typeof en;

const ar: Record<Key, string> = {
  annotate: 'التوسيم',
  review: 'المراجعة',
  agreement: 'الاتفاق',
  import: 'استيراد',
  export: 'تصدير…',
  analyst: 'المحلل: ',
  guidelines: 'الإرشادات',
  settings: 'الإعدادات',
  theme: 'المظهر',
  language: 'English',
  chooseArticle: 'اختر مقالا من القائمة.',
  paletteHint:
    'حدّد نصا (أو انقر داخل كلمة) ثم انقر وسما أو اضغط مفتاحه. يلتقط التحديد كلمات كاملة دون السوابق (و ف ب ك ل)؛ اضغط Alt لتحديد دقيق. انقر على تظليل لتعديله؛ [ و ] للتنقل بين المقاطع. اضغط ? لكل الاختصارات.',
  textSmaller: 'تصغير النص (-)',
  textBigger: 'تكبير النص (+)',
  undo: '↶ تراجع',
  redo: '↷ إعادة',
  shortcuts: 'اختصارات لوحة المفاتيح',
  close: 'إغلاق',
  todo: 'للإنجاز',
  in_progress: 'قيد الإنجاز',
  done: 'منجز',
};

export const TABLES: Record<Lang, Record<Key, string>> = { en, ar };

let lang: Lang = 'en';

export function currentLang(): Lang {
  return lang;
}

/** The string for `key` in the interface language. */
export function t(key: Key): string {
  return TABLES[lang][key] ?? en[key];
}

/** Switch the language: mirror the shell (dir=rtl on the app and its dialogs) and refresh [data-i18n] texts.
 * Article paragraphs keep their own dir=auto. */
export function setLang(l: Lang, root: Document = document): void {
  lang = l;
  root.documentElement.lang = l;
  root.body.dir = l === 'ar' ? 'rtl' : 'ltr';
  root.getElementById('app')?.setAttribute('dir', l === 'ar' ? 'rtl' : 'ltr');
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n]')) e.textContent = t(e.dataset.i18n as Key);
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) e.title = t(e.dataset.i18nTitle as Key);
}
