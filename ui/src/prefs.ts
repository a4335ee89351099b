// Comfort preferences remembered on this computer: text size, light/dark theme, interface language.

import { setLang, type Lang } from './i18n';

const KEY = 'hashiya.prefs';
export const TEXT_SIZES = { min: 14, max: 40, step: 2, default: 20 };

export interface Prefs {
  textSize: number;
  theme: 'light' | 'dark';
  lang: Lang;
}

function load(): Prefs {
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const base: Prefs = { textSize: TEXT_SIZES.default, theme: dark ? 'dark' : 'light', lang: 'en' };
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Prefs>;
    return {
      textSize: clampSize(Number(saved.textSize ?? base.textSize)),
      theme: saved.theme === 'dark' || saved.theme === 'light' ? saved.theme : base.theme,
      lang: saved.lang === 'ar' ? 'ar' : 'en',
    };
  } catch {
    return base;
  }
}

export function clampSize(n: number): number {
  if (!Number.isFinite(n)) return TEXT_SIZES.default;
  return Math.max(TEXT_SIZES.min, Math.min(TEXT_SIZES.max, Math.round(n)));
}

export const prefs: Prefs = load();
let onChange: () => void = () => {};

function save(): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Private mode or no storage: the preference lasts for this session only.
  }
  onChange();
}

/** Apply every preference to the page (at start and after each change). */
export function applyPrefs(): void {
  document.documentElement.dataset.theme = prefs.theme;
  document.documentElement.style.setProperty('--text-size', `${prefs.textSize}px`);
  setLang(prefs.lang);
}

export function initPrefs(changed: () => void): void {
  onChange = changed;
  applyPrefs();
}

export function textSize(delta: number): void {
  prefs.textSize = clampSize(prefs.textSize + delta * TEXT_SIZES.step);
  applyPrefs();
  save();
}

export function toggleTheme(): void {
  prefs.theme = prefs.theme === 'dark' ? 'light' : 'dark';
  applyPrefs();
  save();
}

export function toggleLang(): void {
  prefs.lang = prefs.lang === 'ar' ? 'en' : 'ar';
  applyPrefs();
  save();
}
