/**
 * Strings of client links (issue 22), in Russian and English: «Ссылка для клиента» on a follow-up,
 * the link in the letter dialog, the panel «Ответы клиента» on the brief and its board column. One
 * word per idea: «ссылка для клиента» / "client link", «ответы клиента» / "client answers",
 * «принять» / "accept", «отклонить» / "reject", «отозвать» / "revoke".
 */
import type { Lang } from './index';

const ru = {
  link: {
    heading: 'Ссылка для клиента',
    intro:
      'Клиент ответит на открытые вопросы этой встречи на странице без регистрации; ответы придут сюда на проверку.',
    expires: 'Действует до',
    create: 'Создать ссылку',
    creating: 'Создаём ссылку…',
    again: 'Новая ссылка',
    copy: 'Копировать',
    copied: 'Скопировано',
    open: 'Открыть в браузере',
    revoke: 'Отозвать',
    revokeQuestion:
      'Отозвать ссылку? Клиент больше не сможет по ней отвечать; то, что он уже отправил, останется.',
    revokeYes: 'Отозвать ссылку',
    cancel: 'Отмена',
    active: (date: string) => `действует до ${date}`,
    revoked: (date: string) => `отозвана ${date}`,
    expired: (date: string) => `истекла ${date}`,
    address: 'Адрес ссылки',
    forContact: (who: string) => `для: ${who}`,
    notSignedIn:
      'Ссылку можно создать, когда этот компьютер подключён к командному серверу: Настройки → Командный сервер.',
    nothingOpen: 'Все вопросы этой встречи закрыты — спрашивать клиента нечего.',
    needDate: 'Укажите дату, до которой ссылка действует.',
    failed: 'Не удалось создать ссылку',
    revokeFailed: 'Не удалось отозвать ссылку',
    openFailed: 'Не удалось открыть ссылку',
    details: 'Подробности',
    earlier: (n: number) => `Прежние ссылки: ${n}`,
    created: (date: string) => `создана ${date}`,
  },
  letter: {
    withLink: (date: string) =>
      `В письме есть ссылка для клиента (действует до ${date}): он ответит на странице без регистрации.`,
    withoutLink:
      'Ссылки для клиента в письме нет: создайте её у уточняющей встречи, и она появится в письме.',
  },
  answers: {
    heading: (n: number) => `Ответы клиента: ${n}`,
    intro:
      'Клиент ответил по ссылке. Принятый ответ попадёт в бриф и закроет пробел; отклонённый останется в брифе комментарием.',
    hide: 'Свернуть',
    show: 'Развернуть',
    by: (who: string, at: string) => `${who}, ${at}`,
    now: (value: string) => `Сейчас в брифе: ${value}`,
    noAnswer: 'Ответа нет — только файлы',
    files: 'Файлы',
    accept: 'Принять',
    editAccept: 'Изменить и принять',
    reject: 'Отклонить',
    cancel: 'Отмена',
    editing: 'Ответ, который попадёт в бриф',
    comment: 'Почему ответ отклонён',
    commentPlaceholder: 'например: нужна сумма за месяц, а не за год',
    needComment: 'Напишите, почему ответ отклонён: без комментария отклонить нельзя.',
    rejectYes: 'Отклонить ответ',
    goTo: 'К вопросу',
    failed: 'Не удалось принять ответ',
    rejectFailed: 'Не удалось отклонить ответ',
    fileFailed: 'Не удалось открыть файл',
    fixValue: 'Исправьте ответ: в таком виде он не сохранится.',
    problem: (why: string) => `Так принять нельзя: ${why}. Измените ответ или отклоните его.`,
    emptyEdit: 'Поле пустое: впишите ответ — или отклоните ответ клиента.',
    arrived: (n: number) => `Новых ответов клиента: ${n} — они ждут проверки в брифе.`,
    column: 'Ответы клиента',
    columnTitle: (n: number) => `Ответы клиента ждут проверки: ${n}`,
  },
};

export type LinkMessages = typeof ru;

const en: LinkMessages = {
  link: {
    heading: 'Client link',
    intro:
      'The client answers the open questions of this meeting on a page, with no account; the answers come here for review.',
    expires: 'Valid until',
    create: 'Create link',
    creating: 'Creating the link…',
    again: 'New link',
    copy: 'Copy',
    copied: 'Copied',
    open: 'Open in browser',
    revoke: 'Revoke',
    revokeQuestion:
      'Revoke the link? The client can no longer answer through it; what they already sent stays.',
    revokeYes: 'Revoke link',
    cancel: 'Cancel',
    active: (date: string) => `valid until ${date}`,
    revoked: (date: string) => `revoked ${date}`,
    expired: (date: string) => `expired ${date}`,
    address: 'Link address',
    forContact: (who: string) => `for: ${who}`,
    notSignedIn:
      'A link can be created once this computer is signed in to a team server: Settings → Team server.',
    nothingOpen: 'Every question of this meeting is closed — there is nothing to ask the client.',
    needDate: 'Enter the last day the link works.',
    failed: 'Could not create the link',
    revokeFailed: 'Could not revoke the link',
    openFailed: 'Could not open the link',
    details: 'Details',
    earlier: (n: number) => `Earlier links: ${n}`,
    created: (date: string) => `created ${date}`,
  },
  letter: {
    withLink: (date: string) =>
      `The letter has a client link (valid until ${date}): the client answers on a page, with no account.`,
    withoutLink:
      'The letter has no client link: create one at the follow-up meeting and it appears in the letter.',
  },
  answers: {
    heading: (n: number) => `Client answers: ${n}`,
    intro:
      'The client answered through the link. An accepted answer goes into the brief and closes its gap; a rejected one stays in the brief as a comment.',
    hide: 'Collapse',
    show: 'Expand',
    by: (who: string, at: string) => `${who}, ${at}`,
    now: (value: string) => `In the brief now: ${value}`,
    noAnswer: 'No answer — files only',
    files: 'Files',
    accept: 'Accept',
    editAccept: 'Edit and accept',
    reject: 'Reject',
    cancel: 'Cancel',
    editing: 'The answer that goes into the brief',
    comment: 'Why the answer is rejected',
    commentPlaceholder: 'e.g. we need the monthly amount, not the yearly one',
    needComment: 'Write why the answer is rejected: it cannot be rejected without a comment.',
    rejectYes: 'Reject answer',
    goTo: 'Go to question',
    failed: 'Could not accept the answer',
    rejectFailed: 'Could not reject the answer',
    fileFailed: 'Could not open the file',
    fixValue: 'Fix the answer: it cannot be saved as it is.',
    problem: (why: string) => `It cannot be accepted as it is: ${why}. Edit it or reject it.`,
    emptyEdit: "The field is empty: write the answer, or reject the client's.",
    arrived: (n: number) => `New client answers: ${n} — they wait for review in the brief.`,
    column: 'Client answers',
    columnTitle: (n: number) => `Client answers waiting for review: ${n}`,
  },
};

/** Client-link strings by language. */
export const linkMessages: Record<Lang, LinkMessages> = { ru, en };
