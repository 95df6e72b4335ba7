/**
 * Strings of what makes the app's state trustworthy: who works here (the first-launch question and
 * Settings), the lock on an approved brief or one under review, the approved verdict, the agency
 * checklist folder and the checklist reader. In Russian and English; words from docs/glossary.md.
 */
import type { Lang } from './index';

const ru = {
  identity: {
    heading: 'Давайте познакомимся',
    intro:
      'Имя подписывает каждый ответ, комментарий и утверждение — коллеги увидят, кто что записал. Изменить его можно в настройках.',
    name: 'Ваше имя',
    namePlaceholder: 'Например, Анна Петрова',
    role: 'Ваша роль',
    roles: { am: 'менеджер', lead: 'руководитель' } as Record<string, string>,
    roleHint: {
      am: 'ведёт интервью с клиентом и отправляет бриф на проверку',
      lead: 'проверяет брифы, возвращает на доработку и утверждает к запуску',
    } as Record<string, string>,
    agency: 'Агентство',
    agencyPlaceholder: 'Название вашего агентства',
    contact: 'Как клиенту связаться с вами',
    contactPlaceholder: 'Например, +7 900 000-00-00, anna@agency.ru',
    contactHint: 'Стоит под подписью в письмах клиенту.',
    save: 'Начать работу',
    saved: 'Сохранено. Новые действия подписаны этим именем.',
    nameNeeded: 'Напишите имя: им будут подписаны ваши ответы и комментарии.',
    settingsHeading: 'Кто работает за этим компьютером',
    settingsSave: 'Сохранить',
  },
  lock: {
    approved: (n: number) =>
      `Бриф утверждён (редакция ${n}), ответы закрыты для правок: случайное изменение не отменит утверждение.`,
    inReview: 'Бриф на проверке у руководителя, ответы закрыты для правок, пока он его смотрит.',
    edit: 'Изменить — новая редакция',
    takeBack: 'Изменить — забрать с проверки',
    confirmApproved: (n: number, next: number) =>
      `Начать редакцию ${next}? Утверждённая редакция ${n} останется как есть: её можно открыть и распечатать. Бриф станет черновиком, и после правок его нужно будет снова отправить на проверку.`,
    confirmInReview:
      'Забрать бриф с проверки? Он снова станет черновиком; после правок отправьте его на проверку ещё раз.',
    yesApproved: (next: number) => `Да, начать редакцию ${next}`,
    yesInReview: 'Да, забрать и изменить',
    cancel: 'Отмена',
  },
  approved: {
    verdict: (n: number) => `Утверждён к запуску · редакция ${n}`,
    by: (who: string, day: string) => `Утвердил(а): ${who}, ${day}`,
    note: (note: string) => `С оговоркой: ${note}`,
    open: 'Что ещё уточнить после запуска',
  },
  board: {
    lastApproved: (n: number) => `утверждена редакция ${n}`,
  },
  folder: {
    heading: 'Папка чек-листов агентства',
    intro:
      'Здесь лежат чек-листы вашего агентства: общая папка или клон git-репозитория. Они загружаются рядом со встроенными.',
    current: 'Сейчас',
    none: 'не задана',
    path: 'Путь к папке',
    placeholder: '/srv/agency/checklists',
    save: 'Сохранить и загрузить',
    reset: 'Вернуть папку по умолчанию',
    loaded: (n: number, problems: number) =>
      problems === 0
        ? `Загружено чек-листов: ${n}, ошибок нет.`
        : `Загружено чек-листов: ${n}; файлов с ошибками: ${problems} — они перечислены ниже.`,
    overridden:
      'Сейчас папку задаёт параметр запуска --checklists или переменная DEEPBRIEF_CHECKLISTS; сохранённая папка заработает при запуске без них.',
  },
  reader: {
    read: 'Открыть',
    close: 'Закрыть',
    sections: 'Разделы и вопросы',
    processes: 'Бизнес-процессы',
    rules: 'Сигналы риска',
    required: 'обязательный',
    hint: 'Подсказка',
    why: 'Зачем',
    agenda: 'Повестка уточняющей встречи',
    severity: { high: 'важность: высокая', medium: 'важность: средняя', low: 'важность: низкая' } as Record<
      string,
      string
    >,
    failed: 'Не удалось открыть чек-лист',
  },
  similar: {
    none: 'Похожих брифов пока нет: в этой отрасли и с этими услугами других брифов ещё не было.',
  },
};

type Strings = typeof ru;

const en: Strings = {
  identity: {
    heading: "Let's get acquainted",
    intro:
      'Your name signs every answer, comment and approval, so colleagues see who recorded what. You can change it in Settings.',
    name: 'Your name',
    namePlaceholder: 'e.g. Anna Petrova',
    role: 'Your role',
    roles: { am: 'account manager', lead: 'lead' },
    roleHint: {
      am: 'interviews the client and submits the brief for review',
      lead: 'reviews briefs, returns them and approves them for kickoff',
    },
    agency: 'Agency',
    agencyPlaceholder: "Your agency's name",
    contact: 'How clients reach you',
    contactPlaceholder: 'e.g. +44 20 7946 0000, anna@agency.example',
    contactHint: 'Printed under your signature in letters to clients.',
    save: 'Start',
    saved: 'Saved. New actions are signed with this name.',
    nameNeeded: 'Type your name: it signs your answers and comments.',
    settingsHeading: 'Who works at this computer',
    settingsSave: 'Save',
  },
  lock: {
    approved: (n: number) =>
      `The brief is approved (revision ${n}) and read-only, so a stray edit cannot cancel the approval.`,
    inReview: 'The brief is with the lead for review and read-only while they look at it.',
    edit: 'Edit — new revision',
    takeBack: 'Edit — take back from review',
    confirmApproved: (n: number, next: number) =>
      `Start revision ${next}? Approved revision ${n} stays as it is: it can still be opened and printed. The brief becomes a draft and needs to be submitted for review again after the changes.`,
    confirmInReview:
      'Take the brief back from review? It becomes a draft again; submit it for review once more after the changes.',
    yesApproved: (next: number) => `Yes, start revision ${next}`,
    yesInReview: 'Yes, take it back',
    cancel: 'Cancel',
  },
  approved: {
    verdict: (n: number) => `Approved for kickoff · revision ${n}`,
    by: (who: string, day: string) => `Approved by ${who} on ${day}`,
    note: (note: string) => `With a reservation: ${note}`,
    open: 'Still open after kickoff',
  },
  board: {
    lastApproved: (n: number) => `revision ${n} approved`,
  },
  folder: {
    heading: "The agency's checklist folder",
    intro:
      "Your agency's own checklists: a shared folder or a git checkout. They load next to the bundled ones.",
    current: 'Now',
    none: 'not set',
    path: 'Folder path',
    placeholder: '/srv/agency/checklists',
    save: 'Save and load',
    reset: 'Back to the default folder',
    loaded: (n: number, problems: number) =>
      problems === 0
        ? `Checklists loaded: ${n}, no errors.`
        : `Checklists loaded: ${n}; files with errors: ${problems}, listed below.`,
    overridden:
      'This run takes the folder from --checklists or DEEPBRIEF_CHECKLISTS; the saved folder applies when the app starts without them.',
  },
  reader: {
    read: 'Open',
    close: 'Close',
    sections: 'Sections and questions',
    processes: 'Business processes',
    rules: 'Risk signals',
    required: 'required',
    hint: 'Hint',
    why: 'Why',
    agenda: 'Follow-up meeting agenda',
    severity: { high: 'severity: high', medium: 'severity: medium', low: 'severity: low' },
    failed: 'Could not open the checklist',
  },
  similar: {
    none: 'No similar briefs yet: no other brief of this industry and these services so far.',
  },
};

/** The strings, by language. */
export const trustMessages: Record<Lang, Strings> = { ru, en };
