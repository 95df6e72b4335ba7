import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import SaveState from './SaveState.svelte';
import { HOSTILE } from './questions.test-data';

describe('SaveState', () => {
  it('says saving, then saved, as the parent decides', async () => {
    const { rerender } = render(SaveState, {
      status: { state: 'saving' },
      lang: 'ru',
      onretry: () => {},
    });
    expect(screen.getByRole('status')).toHaveTextContent('Сохраняем…');
    await rerender({ status: { state: 'saved' } });
    expect(screen.getByRole('status')).toHaveTextContent('Сохранено');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    await rerender({ status: { state: 'invalid' } });
    expect(screen.getByRole('status')).toHaveTextContent('Не сохранено: исправьте значение');
  });

  it('says a long save is waiting for another writer, and stops saying so when it is saved', async () => {
    vi.useFakeTimers();
    try {
      const { rerender } = render(SaveState, {
        status: { state: 'saving' },
        lang: 'ru',
        onretry: () => {},
      });
      expect(screen.getByRole('status')).toHaveTextContent('Сохраняем…');
      expect(screen.getByRole('status')).not.toHaveTextContent('ждём очереди');
      await vi.advanceTimersByTimeAsync(2500);
      expect(screen.getByRole('status')).toHaveTextContent(
        'Сохраняем… база занята другим окном или программой, ждём очереди',
      );
      await rerender({ status: { state: 'saved' } });
      expect(screen.getByRole('status')).toHaveTextContent('Сохранено');
      // The next save starts as "saving" again, not "waiting".
      await rerender({ status: { state: 'saving' } });
      expect(screen.getByRole('status')).not.toHaveTextContent('ждём очереди');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows an error with Retry, literally', async () => {
    const onretry = vi.fn();
    render(SaveState, {
      status: { state: 'error', message: `disk full ${HOSTILE}` },
      lang: 'ru',
      onretry,
    });
    expect(screen.getByRole('status')).toHaveTextContent(`Не сохранено: disk full ${HOSTILE}`);
    expect(screen.getByRole('status')).toHaveTextContent('Введённый текст остался в поле.');
    expect(document.querySelector('img')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Повторить' }));
    expect(onretry).toHaveBeenCalledOnce();
  });

  it('speaks English', () => {
    render(SaveState, { status: { state: 'error', message: 'x' }, lang: 'en', onretry: () => {} });
    expect(screen.getByRole('status')).toHaveTextContent('Not saved: x');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
