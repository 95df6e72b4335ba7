/**
 * Every string the UI shows, in Russian and English. Components take `t` from here through the
 * language state and never hold their own text.
 */

/** The UI languages. */
export type Lang = 'ru' | 'en';

/** All UI languages, in switch order. */
export const LANGS: readonly Lang[] = ['ru', 'en'];

/** Russian unless the system language is English. */
export function detectLang(systemLanguage: string | undefined | null): Lang {
  return systemLanguage?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

type Plural = { one: string; few: string; many: string };

function plural(lang: Lang, n: number, forms: Plural): string {
  const category = new Intl.PluralRules(lang).select(n);
  const form = category === 'one' ? forms.one : category === 'few' ? forms.few : forms.many;
  return `${n} ${form}`;
}

const ru = {
  appTitle: 'Deepbrief',
  appSubtitle: 'Библиотека чек-листов',
  languageLabel: 'Язык интерфейса',
  checklistsHeading: 'Чек-листы',
  checklistsEmpty: 'Ни одного чек-листа не загружено.',
  loading: 'Загружаем чек-листы…',
  loadFailed: 'Не удалось загрузить библиотеку',
  retry: 'Повторить',
  reload: 'Обновить',
  core: 'универсальный',
  appliesTo: 'Услуги',
  extendsLabel: 'дополняет',
  origin: { bundled: 'встроенный', agency: 'агентский', given: 'указан вручную' },
  sections: (n: number) => plural('ru', n, { one: 'раздел', few: 'раздела', many: 'разделов' }),
  questions: (n: number) => plural('ru', n, { one: 'вопрос', few: 'вопроса', many: 'вопросов' }),
  processes: (n: number) => plural('ru', n, { one: 'процесс', few: 'процесса', many: 'процессов' }),
  rules: (n: number) => plural('ru', n, { one: 'правило', few: 'правила', many: 'правил' }),
  problemsHeading: 'Файлы с ошибками',
  problemsNone: 'Все файлы чек-листов загружены без ошибок.',
  problemsIntro:
    'Эти файлы не загружены, остальные чек-листы работают. Исправьте ошибки и нажмите «Обновить».',
  problemsCount: (n: number) =>
    plural('ru', n, { one: 'ошибка', few: 'ошибки', many: 'ошибок' }),
  fix: 'Как исправить:',
  at: 'в',
};

/** The shape every language's strings must have. */
export type Messages = typeof ru;

const en: Messages = {
  appTitle: 'Deepbrief',
  appSubtitle: 'Checklist library',
  languageLabel: 'Interface language',
  checklistsHeading: 'Checklists',
  checklistsEmpty: 'No checklists loaded.',
  loading: 'Loading checklists…',
  loadFailed: 'Could not load the library',
  retry: 'Retry',
  reload: 'Reload',
  core: 'core',
  appliesTo: 'Services',
  extendsLabel: 'extends',
  origin: { bundled: 'bundled', agency: 'agency', given: 'given' },
  sections: (n) => plural('en', n, { one: 'section', few: 'sections', many: 'sections' }),
  questions: (n) => plural('en', n, { one: 'question', few: 'questions', many: 'questions' }),
  processes: (n) => plural('en', n, { one: 'process', few: 'processes', many: 'processes' }),
  rules: (n) => plural('en', n, { one: 'rule', few: 'rules', many: 'rules' }),
  problemsHeading: 'Files with errors',
  problemsNone: 'Every checklist file loaded without errors.',
  problemsIntro:
    'These files did not load; the other checklists work. Fix the errors and press Reload.',
  problemsCount: (n) => plural('en', n, { one: 'error', few: 'errors', many: 'errors' }),
  fix: 'How to fix:',
  at: 'at',
};

/** Strings by language. */
export const messages: Record<Lang, Messages> = { ru, en };
