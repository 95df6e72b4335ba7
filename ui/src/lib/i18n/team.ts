import type { TeamProblem } from '$lib/bindings/TeamProblem';
/**
 * Strings of the team server: Settings → «Командный сервер», the sync indicator in the top bar and
 * conflicts of edits (on the brief and the board), in Russian and English. One word per idea:
 * «командный сервер» / "team server", «синхронизация» / "sync", «конфликт правок» / "edit conflict",
 * «ждут отправки» / "waiting to be sent".
 */
import type { Lang } from './index';

const ru = {
  settings: {
    heading: 'Командный сервер',
    intro:
      'Брифы синхронизируются с сервером агентства: работа идёт и без связи, изменения уходят, когда связь есть.',
    url: 'Адрес сервера',
    urlPlaceholder: 'https://deepbrief.agency.ru',
    user: 'Имя пользователя',
    password: 'Пароль',
    signIn: 'Войти',
    signingIn: 'Входим…',
    signOut: 'Выйти',
    syncNow: 'Синхронизировать сейчас',
    syncing: 'Синхронизация…',
    server: 'Сервер',
    role: 'Роль',
    team: 'Команда',
    device: 'Компьютер',
    waiting: 'Ждут отправки',
    briefs: (n: number) => `брифов: ${n}`,
    needUrl: 'Укажите адрес сервера.',
    badUrl: 'Адрес сервера пишется так: https://deepbrief.agency.ru',
    needUser: 'Укажите имя пользователя.',
    needPassword: 'Введите пароль.',
    failed: 'Не удалось войти',
    signOutFailed: 'Не удалось выйти',
    syncFailed: 'Синхронизация не удалась',
    signedOut: 'Вы вышли. Изменения, которые ждут отправки, остались на этом компьютере.',
    done: (pushed: number, pulled: number) =>
      `Синхронизировано: отправлено ${pushed}, получено ${pulled}.`,
    roles: { am: 'менеджер', lead: 'руководитель', admin: 'администратор' } as Record<string, string>,
    details: 'Подробности',
    problems: {
      plain_http:
        'Адрес начинается с http:// — пароль ушёл бы по сети незашифрованным. Укажите https:// (http:// можно только для сервера на этом компьютере).',
      bad_address: 'Это не адрес сервера. Пример: https://deepbrief.agency.ru',
      not_signed_in: 'Этот компьютер не подключён к командному серверу.',
      sign_in_refused: 'Сервер не принял вход: проверьте имя пользователя и пароль.',
      offline: 'Сервер недоступен: проверьте адрес и подключение к сети.',
      refused: 'Сервер отказал в запросе.',
      unexpected: 'По этому адресу отвечает не сервер Deepbrief.',
      local: 'Не удалось записать данные на этом компьютере.',
    } satisfies Record<TeamProblem, string>,
  },
  indicator: {
    label: 'Синхронизация',
    signedOut: 'Без сервера',
    signedOutTitle: 'Командный сервер не подключён: брифы хранятся только на этом компьютере.',
    syncing: 'Синхронизация…',
    synced: 'Синхронизировано',
    syncedTitle: (at: string) => `Синхронизировано ${at}`,
    waiting: (n: number) => `Ждут отправки: ${n}`,
    waitingTitle: 'Изменения уйдут на сервер при следующей синхронизации.',
    offline: (n: number) => `Нет связи — ${n} ждут отправки`,
    offlineTitle: (reason: string, seconds: number) =>
      `Сервер недоступен (${reason}). Работа продолжается, повтор через ${seconds} с.`,
    error: 'Ошибка синхронизации',
    errorTitle: (reason: string) => `${reason}. Нажмите, чтобы открыть настройки.`,
    conflicts: (n: number) => `Конфликт правок: ${n}`,
  },
  conflicts: {
    heading: (n: number) => `Конфликт правок: ${n}`,
    intro:
      'Эти ответы изменили на двух компьютерах одновременно. Показан последний; выберите, какой вариант оставить.',
    shown: 'показан',
    by: (who: string, at: string) => `${who}, ${at}`,
    keep: 'Оставить этот вариант',
    mark: 'Конфликт правок',
    goTo: 'К вопросу',
    failed: 'Не удалось решить конфликт правок',
    column: 'Конфликт правок',
  },
};

export type TeamMessages = typeof ru;

const en: TeamMessages = {
  settings: {
    heading: 'Team server',
    intro:
      "Briefs sync with the agency's server: work goes on without a connection, changes go out when there is one.",
    url: 'Server address',
    urlPlaceholder: 'https://deepbrief.agency.com',
    user: 'User name',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    signOut: 'Sign out',
    syncNow: 'Sync now',
    syncing: 'Syncing…',
    server: 'Server',
    role: 'Role',
    team: 'Team',
    device: 'Computer',
    waiting: 'Waiting to be sent',
    briefs: (n: number) => `briefs: ${n}`,
    needUrl: 'Enter the server address.',
    badUrl: 'Write the server address like this: https://deepbrief.agency.com',
    needUser: 'Enter the user name.',
    needPassword: 'Enter the password.',
    failed: 'Could not sign in',
    signOutFailed: 'Could not sign out',
    syncFailed: 'Sync failed',
    signedOut: 'Signed out. Changes waiting to be sent stay on this computer.',
    done: (pushed: number, pulled: number) => `Synced: ${pushed} sent, ${pulled} received.`,
    roles: { am: 'account manager', lead: 'lead', admin: 'administrator' } as Record<string, string>,
    details: 'Details',
    problems: {
      plain_http:
        'The address starts with http:// — the password would cross the network unencrypted. Use https:// (http:// only for a server on this computer).',
      bad_address: 'This is not a server address. Example: https://deepbrief.agency.com',
      not_signed_in: 'This computer is not signed in to a team server.',
      sign_in_refused: 'The server did not accept the sign-in: check the user name and password.',
      offline: 'The server cannot be reached: check the address and the network.',
      refused: 'The server refused the request.',
      unexpected: 'What answers at this address is not a Deepbrief server.',
      local: 'Could not write the data on this computer.',
    } satisfies Record<TeamProblem, string>,
  },
  indicator: {
    label: 'Sync',
    signedOut: 'No server',
    signedOutTitle: 'No team server: briefs are kept on this computer only.',
    syncing: 'Syncing…',
    synced: 'Synced',
    syncedTitle: (at: string) => `Synced ${at}`,
    waiting: (n: number) => `Waiting to be sent: ${n}`,
    waitingTitle: 'Changes go to the server at the next sync.',
    offline: (n: number) => `Offline — ${n} waiting to be sent`,
    offlineTitle: (reason: string, seconds: number) =>
      `The server cannot be reached (${reason}). Work goes on; next try in ${seconds} s.`,
    error: 'Sync error',
    errorTitle: (reason: string) => `${reason}. Click to open Settings.`,
    conflicts: (n: number) => `Edit conflicts: ${n}`,
  },
  conflicts: {
    heading: (n: number) => `Edit conflicts: ${n}`,
    intro:
      'These answers were changed on two computers at the same time. The newest is shown; choose which one to keep.',
    shown: 'shown',
    by: (who: string, at: string) => `${who}, ${at}`,
    keep: 'Keep this one',
    mark: 'Edit conflict',
    goTo: 'Go to question',
    failed: 'Could not settle the edit conflict',
    column: 'Edit conflicts',
  },
};

/** Team-server strings by language. */
export const teamMessages: Record<Lang, TeamMessages> = { ru, en };
