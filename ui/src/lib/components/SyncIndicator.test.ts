import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SyncState } from '$lib/bindings/SyncState';
import SyncIndicator from './SyncIndicator.svelte';

function show(state: SyncState, lang: 'ru' | 'en' = 'ru', onopen = vi.fn()) {
  render(SyncIndicator, { state, lang, onopen });
  return { status: screen.getByRole('status'), onopen };
}

describe('SyncIndicator', () => {
  it('signed out: a discreet «Без сервера», politely announced', () => {
    const { status } = show({ state: 'signed_out' });
    expect(status).toHaveTextContent('Без сервера');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('syncing: «Синхронизация…»', () => {
    const { status } = show({ state: 'syncing', waiting: 2 });
    expect(status).toHaveTextContent('Синхронизация…');
  });

  it('synced: «Синхронизировано», when in the tooltip, open conflicts counted beside it', () => {
    const { status } = show({ state: 'synced', at: '2026-12-02T11:05:00Z', conflicts: 2 });
    expect(status).toHaveTextContent('Синхронизировано');
    expect(status.querySelector('[title]')?.getAttribute('title')).toMatch(/^Синхронизировано 2 декабря 2026/);
    expect(screen.getByTestId('sync-conflicts')).toHaveTextContent('Конфликт правок: 2');
  });

  it('waiting: «Ждут отправки: N»', () => {
    const { status } = show({ state: 'waiting', waiting: 3, conflicts: 0 });
    expect(status).toHaveTextContent('Ждут отправки: 3');
    expect(screen.queryByTestId('sync-conflicts')).not.toBeInTheDocument();
  });

  it('offline: «Нет связи — N ждут отправки», the reason and the next try in the tooltip', async () => {
    const { status, onopen } = show({
      state: 'offline',
      waiting: 4,
      reason: 'connection refused',
      retry_in: 20,
    });
    expect(status).toHaveTextContent('Нет связи — 4 ждут отправки');
    const button = screen.getByRole('button');
    expect(button).toHaveAttribute(
      'title',
      'Сервер недоступен (connection refused). Работа продолжается, повтор через 20 с.',
    );
    await userEvent.click(button);
    expect(onopen).toHaveBeenCalledOnce();
  });

  it('error: «Ошибка синхронизации», the reason in the tooltip, a click opens Settings', async () => {
    const reason = 'the team server refused this device\'s sign-in (revoked); sign in again';
    const { status, onopen } = show({ state: 'error', waiting: 1, reason });
    expect(status).toHaveTextContent('Ошибка синхронизации');
    const button = screen.getByRole('button', { name: /Ошибка синхронизации/ });
    expect(button.getAttribute('title')).toContain(reason);
    await userEvent.click(button);
    expect(onopen).toHaveBeenCalledOnce();
  });

  it('speaks English with the same words for the same ideas', () => {
    const { status } = show({ state: 'offline', waiting: 1, reason: 'x', retry_in: 5 }, 'en');
    expect(status).toHaveTextContent('Offline — 1 waiting to be sent');
  });
});
