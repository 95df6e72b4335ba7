import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientLink } from '$lib/bindings/ClientLink';
import ClientLinkBox from './ClientLinkBox.svelte';


function link(extra: Partial<ClientLink> = {}): ClientLink {
  return {
    id: 'L1',
    brief_id: 'b1',
    followup_id: 'f1',
    url: 'https://team.example/c/tok_abcdef',
    contact: 'Ирина Соколова',
    expires_on: '2027-01-01',
    created_at: '2026-12-02T10:00:00Z',
    created_by: 'Анна Петрова',
    state: 'live',
    ...extra,
  };
}

function setup(props: Partial<Parameters<typeof render<typeof ClientLinkBox>>[1]> = {}) {
  const oncreate = vi.fn((_: string) => Promise.resolve());
  const onrevoke = vi.fn((_: string) => Promise.resolve());
  const onopen = vi.fn((_: string) => Promise.resolve());
  const copyText = vi.fn((_: string) => Promise.resolve());
  // The app layer's default for the meeting (a month, or until the meeting when later).
  const ondefault = vi.fn(() => Promise.resolve('2027-01-01'));
  const view = render(ClientLinkBox, {
    links: [],
    lang: 'ru',
    oncreate,
    onrevoke,
    onopen,
    ondefault,
    copyText,
    ...props,
  });
  return { oncreate, onrevoke, onopen, ondefault, copyText, view, user: userEvent.setup() };
}

describe('ClientLinkBox', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 2, 12, 0));
  });
  afterEach(() => vi.useRealTimers());

  it('creates a link from the keyboard, until the day the app layer offers', async () => {
    const { oncreate, ondefault, user } = setup();
    const start = screen.getByRole('button', { name: 'Ссылка для клиента…' });
    start.focus();
    await user.keyboard('{Enter}');
    expect(ondefault).toHaveBeenCalledOnce();
    const date = await screen.findByLabelText('Действует до');
    expect(date).toHaveFocus();
    expect(date).toHaveValue('01.01.2027');
    expect(screen.getByText('1 января 2027')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(oncreate).toHaveBeenCalledWith('2027-01-01');
  });

  it('takes another day typed day first', async () => {
    const { oncreate, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Ссылка для клиента…' }));
    const date = await screen.findByLabelText('Действует до');
    await user.clear(date);
    await user.type(date, '15.01.2027{Enter}');
    expect(oncreate).toHaveBeenCalledWith('2027-01-15');
  });

  it('offers the meeting\'s day when the app layer says so', async () => {
    const { oncreate, user } = setup({ ondefault: () => Promise.resolve('2027-01-20') });
    await user.click(screen.getByRole('button', { name: 'Ссылка для клиента…' }));
    expect(await screen.findByLabelText('Действует до')).toHaveValue('20.01.2027');
    await user.click(screen.getByRole('button', { name: 'Создать ссылку' }));
    expect(oncreate).toHaveBeenCalledWith('2027-01-20');
  });

  it('says so when the default cannot be read, and opens no form', async () => {
    const { user } = setup({ ondefault: () => Promise.reject(new Error('the brief is gone')) });
    await user.click(screen.getByRole('button', { name: 'Ссылка для клиента…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Не удалось создать ссылку');
    expect(screen.queryByLabelText('Действует до')).toBeNull();
  });

  it('wants a date', async () => {
    const { oncreate, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Ссылка для клиента…' }));
    await user.clear(await screen.findByLabelText('Действует до'));
    await user.click(screen.getByRole('button', { name: 'Создать ссылку' }));
    expect(screen.getByText('Укажите дату, до которой ссылка действует.')).toBeInTheDocument();
    expect(oncreate).not.toHaveBeenCalled();
  });

  it('shows a working link with copy, open and its state; the new link takes the focus', async () => {
    const { copyText, onopen, user, view } = setup();
    await user.click(screen.getByRole('button', { name: 'Ссылка для клиента…' }));
    await user.keyboard('{Enter}');
    await view.rerender({ links: [link()] });
    expect(screen.getByTestId('client-link-state')).toHaveTextContent('действует до 1 января 2027');
    expect(screen.getByLabelText('Адрес ссылки')).toHaveValue('https://team.example/c/tok_abcdef');
    expect(screen.getByText('для: Ирина Соколова')).toBeInTheDocument();
    const copy = screen.getByRole('button', { name: 'Копировать' });
    await vi.waitFor(() => expect(copy).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(copyText).toHaveBeenCalledWith('https://team.example/c/tok_abcdef');
    expect(screen.getByRole('button', { name: 'Скопировано' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Открыть в браузере' }));
    expect(onopen).toHaveBeenCalledWith('L1');
  });

  it('revokes only after the question, and Esc or «Отмена» keeps the link', async () => {
    const { onrevoke, user, view } = setup({ links: [link()] });
    await user.click(screen.getByRole('button', { name: 'Отозвать' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Отозвать ссылку?');
    expect(screen.getByRole('button', { name: 'Отмена' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Отозвать' })).toHaveFocus();
    expect(onrevoke).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Отозвать ссылку' }));
    expect(onrevoke).toHaveBeenCalledWith('L1');
    await view.rerender({ links: [link({ revoked_at: '2026-12-03T09:00:00Z', state: 'revoked' })] });
    expect(screen.getByTestId('client-link-state')).toHaveTextContent('отозвана 3 декабря 2026');
    expect(screen.queryByLabelText('Адрес ссылки')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Новая ссылка' })).toBeInTheDocument();
  });

  it('says a link has expired after its last day, and shows the newest link', () => {
    setup({
      links: [
        link({ id: 'old', created_at: '2026-10-01T10:00:00Z', state: 'revoked', revoked_at: '2026-10-02T10:00:00Z' }),
        link({ id: 'L2', created_at: '2026-11-01T10:00:00Z', expires_on: '2026-12-01', state: 'expired' }),
      ],
    });
    expect(screen.getByTestId('client-link-state')).toHaveTextContent('истекла 1 декабря 2026');
    expect(screen.getByRole('button', { name: 'Новая ссылка' })).toBeEnabled();
  });

  it('keeps the earlier links under «Прежние ссылки», each with when it was made and what became of it', async () => {
    const { user } = setup({
      links: [
        link({ id: 'old', created_at: '2026-10-01T10:00:00Z', state: 'revoked', revoked_at: '2026-10-02T10:00:00Z' }),
        link({ id: 'L3', created_at: '2026-11-20T10:00:00Z' }),
        link({ id: 'L2', created_at: '2026-11-01T10:00:00Z', expires_on: '2026-11-15', state: 'expired' }),
      ],
    });
    expect(screen.getByTestId('client-link-state')).toHaveTextContent('действует до 1 января 2027');
    const earlier = screen.getByTestId('client-link-earlier');
    await user.click(screen.getByText('Прежние ссылки: 2'));
    const items = [...earlier.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'создана 1 ноября 2026, истекла 15 ноября 2026',
      'создана 1 октября 2026, отозвана 2 октября 2026',
    ]);
  });

  it('has no «Прежние ссылки» with one link', () => {
    setup({ links: [link()] });
    expect(screen.queryByTestId('client-link-earlier')).toBeNull();
  });

  it('is disabled with the reason when not signed in to a team server', () => {
    setup({ blocked: 'signed_out' });
    const start = screen.getByRole('button', { name: 'Ссылка для клиента…' });
    expect(start).toBeDisabled();
    expect(start).toHaveAccessibleDescription(/подключён к командному серверу/);
  });

  it('is disabled when nothing of the meeting is open', () => {
    setup({ blocked: 'nothing_open' });
    expect(screen.getByRole('button', { name: 'Ссылка для клиента…' })).toBeDisabled();
    expect(screen.getByTestId('client-link-blocked')).toHaveTextContent('спрашивать клиента нечего');
  });

  it('says a refusal of the server in words, the detail under «Подробности»', async () => {
    const { user } = setup({
      oncreate: vi.fn(() =>
        Promise.reject({ code: 'internal', message: 'connection refused', team: 'offline' }),
      ),
    });
    await user.click(screen.getByRole('button', { name: 'Ссылка для клиента…' }));
    await user.keyboard('{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не удалось создать ссылку: Сервер недоступен');
    expect(screen.getByText('connection refused')).toBeInTheDocument();
    expect(screen.getByLabelText('Действует до')).toBeInTheDocument();
  });

  it('speaks English', () => {
    setup({ lang: 'en', links: [link()] });
    expect(screen.getByTestId('client-link-state')).toHaveTextContent('valid until 1 January 2027');
    expect(screen.getByRole('button', { name: 'Revoke' })).toBeInTheDocument();
  });
});
