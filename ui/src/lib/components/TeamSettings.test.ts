import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TeamStatus } from '$lib/bindings/TeamStatus';
import { SyncStatus, type SyncApi } from '$lib/state/sync.svelte';
import TeamSettings from './TeamSettings.svelte';

const signedOut: TeamStatus = { signed_in: false, waiting: 0, state: { state: 'signed_out' } };
const signedIn: TeamStatus = {
  signed_in: true,
  server: 'https://team.example',
  user: 'anna',
  role: 'lead',
  team: 'Колесо',
  device: 'laptop',
  waiting: 3,
  state: { state: 'waiting', waiting: 3, conflicts: 0 },
};

async function setup(overrides: Partial<SyncApi> = {}, status = signedOut) {
  const api: SyncApi = {
    teamStatus: vi.fn(() => Promise.resolve(status)),
    teamSignIn: vi.fn(() => Promise.resolve(signedIn)),
    teamSignOut: vi.fn(() => Promise.resolve(null)),
    syncNow: vi.fn(),
    onSyncState: vi.fn(() => Promise.resolve(() => {})),
    ...overrides,
  };
  const sync = new SyncStatus(api);
  await sync.load();
  render(TeamSettings, { sync, lang: 'ru' });
  return { api, user: userEvent.setup() };
}

describe('TeamSettings', () => {
  it('says what is missing under each field and sends nothing', async () => {
    const { api, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Войти' }));
    expect(screen.getByText('Укажите адрес сервера.')).toBeInTheDocument();
    expect(screen.getByText('Укажите имя пользователя.')).toBeInTheDocument();
    expect(screen.getByText('Введите пароль.')).toBeInTheDocument();
    expect(screen.getByLabelText('Адрес сервера')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Адрес сервера')).toHaveFocus();
    expect(api.teamSignIn).not.toHaveBeenCalled();
  });

  it('wants an address written as one', async () => {
    const { api, user } = await setup();
    await user.type(screen.getByLabelText('Адрес сервера'), 'team.example');
    await user.type(screen.getByLabelText('Имя пользователя'), 'anna');
    await user.type(screen.getByLabelText('Пароль'), 'secret{Enter}');
    expect(
      screen.getByText('Адрес сервера пишется так: https://deepbrief.agency.ru'),
    ).toBeInTheDocument();
    expect(api.teamSignIn).not.toHaveBeenCalled();
  });

  it('signs in with Enter; the password field hides what is typed', async () => {
    const { api, user } = await setup();
    expect(screen.getByLabelText('Пароль')).toHaveAttribute('type', 'password');
    await user.type(screen.getByLabelText('Адрес сервера'), 'https://team.example');
    await user.type(screen.getByLabelText('Имя пользователя'), 'anna');
    await user.type(screen.getByLabelText('Пароль'), 'secret{Enter}');
    expect(api.teamSignIn).toHaveBeenCalledWith('https://team.example', 'anna', 'secret');
    expect(await screen.findByText('руководитель')).toBeInTheDocument();
    expect(screen.getByText('laptop')).toBeInTheDocument();
    expect(screen.getByTestId('team-waiting')).toHaveTextContent('брифов: 3');
  });

  it("shows the shell's refusal in its words under the form", async () => {
    const refusal =
      '`http://team.example` is plain http: a password and a token would cross the network unencrypted; use https://';
    const { user } = await setup({
      teamSignIn: vi.fn(() => Promise.reject({ code: 'validation', message: refusal })),
    });
    await user.type(screen.getByLabelText('Адрес сервера'), 'http://team.example');
    await user.type(screen.getByLabelText('Имя пользователя'), 'anna');
    await user.type(screen.getByLabelText('Пароль'), 'secret{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не удалось войти:');
    expect(alert).toHaveTextContent(refusal);
    expect(screen.getByRole('button', { name: 'Войти' })).toBeEnabled();
  });

  it('says a known refusal in Russian and keeps the detail', async () => {
    const detail = '`http://team.example` is plain http: use https://';
    const { user } = await setup({
      teamSignIn: vi.fn(() =>
        Promise.reject({ code: 'validation', message: detail, team: 'plain_http' }),
      ),
    });
    await user.type(screen.getByLabelText('Адрес сервера'), 'http://team.example');
    await user.type(screen.getByLabelText('Имя пользователя'), 'anna');
    await user.type(screen.getByLabelText('Пароль'), 'secret{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не удалось войти:');
    expect(alert).toHaveTextContent('пароль ушёл бы по сети незашифрованным');
    expect(alert).not.toHaveTextContent('plain http');
    expect(screen.getByText('Подробности')).toBeInTheDocument();
    expect(screen.getByText(detail)).toBeInTheDocument();
  });

  it('signed in: syncs now and signs out', async () => {
    const { api, user } = await setup(
      {
        syncNow: vi.fn(() =>
          Promise.resolve({
            sealed: 1,
            pushed: 2,
            duplicates: 0,
            pulled: 5,
            briefs_new: 0,
            answers_changed: 3,
            checklists: 0,
            refused: [],
            new_stream: false,
            waiting: 0,
            conflicts: 0,
            client_answers: 2,
          }),
        ),
      },
      signedIn,
    );
    await user.click(screen.getByRole('button', { name: 'Синхронизировать сейчас' }));
    expect(
      await screen.findByText(
        'Синхронизировано: отправлено 2, получено 5. Новых ответов клиента: 2 — они ждут проверки в брифе.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Выйти' }));
    expect(api.teamSignOut).toHaveBeenCalledOnce();
  });
});
