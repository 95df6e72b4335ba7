import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BriefMeta } from '$lib/bindings/BriefMeta';
import type { GapReport } from '$lib/bindings/GapReport';
import type { ReviewState } from '$lib/bindings/ReviewState';
import { language } from '$lib/state/language.svelte';
import GapsPanel from './GapsPanel.svelte';
import LockBanner from './LockBanner.svelte';

const meta = (status: BriefMeta['status'], revision = 1): BriefMeta => ({
  id: 'b1',
  client: 'Колесо',
  project: 'Сайт',
  services: ['seo'],
  account_manager: 'Анна',
  contacts: [],
  language: 'ru',
  status,
  archived: false,
  created_at: '2026-11-20T10:00:00Z',
  updated_at: '2026-11-22T10:00:00Z',
  revision,
  industry: '',
});

const state = (status: BriefMeta['status']): ReviewState => ({
  meta: meta(status),
  comments: [],
  revisions: [],
  read_only: true,
});

describe('LockBanner', () => {
  beforeEach(() => language.set('ru'));

  it('says why an approved brief is locked and reopens only after the confirmation', async () => {
    const user = userEvent.setup();
    const reopen = vi.fn(() => Promise.resolve(meta('draft', 2)));
    const onreopened = vi.fn();
    render(LockBanner, { review: state('approved'), lang: 'ru', onreopened, reopen });
    const lock = screen.getByTestId('lock');
    expect(lock).toHaveTextContent('Бриф утверждён (редакция 1)');

    await user.click(within(lock).getByRole('button', { name: 'Изменить — новая редакция' }));
    expect(screen.getByTestId('lock-confirm')).toHaveTextContent('Начать редакцию 2?');
    expect(screen.getByTestId('lock-confirm')).toHaveTextContent('редакция 1 останется как есть');
    await user.click(within(lock).getByRole('button', { name: 'Отмена' }));
    expect(reopen).not.toHaveBeenCalled();
    expect(screen.queryByTestId('lock-confirm')).toBeNull();

    await user.click(within(lock).getByRole('button', { name: 'Изменить — новая редакция' }));
    await user.click(within(lock).getByRole('button', { name: 'Да, начать редакцию 2' }));
    expect(reopen).toHaveBeenCalledWith('b1');
    await vi.waitFor(() => expect(onreopened).toHaveBeenCalledWith(meta('draft', 2)));
  });

  it('offers to take a brief back from review, and shows a refusal', async () => {
    const user = userEvent.setup();
    const reopen = vi.fn(() => Promise.reject({ code: 'validation', message: 'cannot reopen a brief that is a draft' }));
    const onreopened = vi.fn();
    render(LockBanner, { review: state('in_review'), lang: 'ru', onreopened, reopen });
    expect(screen.getByTestId('lock')).toHaveTextContent('на проверке у руководителя');
    await user.click(screen.getByRole('button', { name: 'Изменить — забрать с проверки' }));
    await user.click(screen.getByRole('button', { name: 'Да, забрать и изменить' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('cannot reopen');
    expect(onreopened).not.toHaveBeenCalled();
  });
});

describe('GapsPanel while approved', () => {
  const report = {
    completeness: { done: 3, total: 10, percent: 30 },
    verdict: { ready: false, reasons: [{ code: 'required_answers', keys: ['answer:goal'] }] },
    gaps: [],
    processes: [],
    pending: [],
    sections: [],
  } as unknown as GapReport;

  it('says «Не готов» without an approval', () => {
    render(GapsPanel, { report, lang: 'ru', ongoto: () => {} });
    expect(screen.getByTestId('verdict')).toHaveTextContent('Не готов');
  });

  it('shows one approved state with the approver and the note, no «Не готов»', () => {
    render(GapsPanel, {
      report,
      lang: 'ru',
      ongoto: () => {},
      approval: {
        brief_id: 'b1',
        number: 1,
        approved_at: '2026-12-02T10:00:00Z',
        approved_by: 'Вера Лидова',
        override_note: 'Клиент подписывает договор сегодня',
      },
    });
    const panel = screen.getByTestId('gaps-panel');
    expect(screen.getByTestId('verdict')).toHaveTextContent('Утверждён к запуску · редакция 1');
    expect(screen.getByTestId('approval')).toHaveTextContent('Утвердил(а): Вера Лидова, 2 декабря 2026');
    expect(screen.getByTestId('approval')).toHaveTextContent('С оговоркой: Клиент подписывает договор сегодня');
    expect(panel).not.toHaveTextContent('Не готов');
  });
});
