import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BackendError } from '$lib/backend';
import { sampleReport } from '$lib/fixtures.test-data';
import { language } from '$lib/state/language.svelte';
import NewBriefDialog from './NewBriefDialog.svelte';

const createBrief = vi.hoisted(() => vi.fn());
vi.mock('$lib/backend', async (original) => ({
  ...(await original<typeof import('$lib/backend')>()),
  createBrief,
}));

describe('NewBriefDialog', () => {
  beforeEach(() => {
    language.set('ru');
    createBrief.mockReset();
  });

  it('asks for client and project, shows the checklists the services pick, sends the brief', async () => {
    const user = userEvent.setup();
    const oncreated = vi.fn();
    createBrief.mockResolvedValue({ id: 'new-id' });
    render(NewBriefDialog, { library: sampleReport, oncancel: () => {}, oncreated });

    await user.click(screen.getByRole('button', { name: 'Создать и начать интервью' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Укажите клиента.');
    expect(createBrief).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Клиент (компания)'), 'Колесо');
    await user.type(screen.getByLabelText('Проект'), 'Сайт');
    await user.type(screen.getByLabelText('Отрасль'), 'Шины и диски');
    expect(screen.getByTestId('picked-checklists')).toHaveTextContent('Базовый бриф');
    expect(screen.getByTestId('picked-checklists')).not.toHaveTextContent('SEO');
    await user.click(screen.getByRole('checkbox', { name: 'SEO по регионам (seo)' }));
    expect(screen.getByTestId('picked-checklists')).toHaveTextContent('SEO');
    await user.type(screen.getByLabelText('Менеджер'), 'Анна');
    await user.type(screen.getByLabelText('Имя'), 'Ирина');
    await user.click(screen.getByRole('button', { name: 'Создать и начать интервью' }));

    expect(createBrief).toHaveBeenCalledWith({
      client: 'Колесо',
      project: 'Сайт',
      services: ['seo'],
      account_manager: 'Анна',
      contacts: [{ name: 'Ирина', role: '', phone: '', email: '', responsible: true }],
      language: 'ru',
      prefill_from: undefined,
      industry: 'Шины и диски',
    });
    expect(oncreated).toHaveBeenCalledWith('new-id');
  });

  it('keeps everything typed when the store refuses', async () => {
    const user = userEvent.setup();
    createBrief.mockRejectedValue(new BackendError('validation', 'contacts: mark exactly one'));
    render(NewBriefDialog, { library: sampleReport, oncancel: () => {}, oncreated: () => {} });
    await user.type(screen.getByLabelText('Клиент (компания)'), 'Колесо');
    await user.type(screen.getByLabelText('Проект'), 'Сайт');
    await user.click(screen.getByRole('button', { name: 'Создать и начать интервью' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('contacts: mark exactly one');
    expect(screen.getByLabelText('Клиент (компания)')).toHaveValue('Колесо');
  });

  it('a re-brief starts from the earlier brief', async () => {
    const user = userEvent.setup();
    createBrief.mockResolvedValue({ id: 'again' });
    const from = {
      id: 'old',
      client: 'Колесо',
      project: 'Сайт',
      services: ['seo'],
      account_manager: 'Анна',
      contacts: [{ name: 'Ирина', role: '', phone: '', email: '', responsible: true }],
      language: 'ru',
      status: 'approved' as const,
      archived: false,
      created_at: 't',
      updated_at: 't',
      revision: 1,
      industry: '',
    };
    render(NewBriefDialog, { library: sampleReport, from, oncancel: () => {}, oncreated: () => {} });
    expect(screen.getByRole('heading', { name: 'Повторный бриф' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Создать и начать интервью' }));
    expect(createBrief.mock.calls[0]?.[0]).toMatchObject({ client: 'Колесо', prefill_from: 'old' });
  });

  it('offers only the services the library offers; a re-brief keeps a retired one visible', () => {
    const library = { ...sampleReport, services: ['seo'] };
    const { unmount } = render(NewBriefDialog, { library, oncancel: () => {}, oncreated: () => {} });
    expect(screen.getAllByRole('checkbox').map((c) => c.closest('label')?.textContent)).toEqual([
      'SEO по регионам (seo)',
    ]);
    unmount();
    const from = {
      id: 'old',
      client: 'Колесо',
      project: 'Реклама',
      services: ['context-ads'],
      account_manager: 'Анна',
      contacts: [],
      language: 'ru',
      status: 'approved' as const,
      archived: false,
      created_at: 't',
      updated_at: 't',
      revision: 1,
      industry: '',
    };
    render(NewBriefDialog, { library, from, oncancel: () => {}, oncreated: () => {} });
    expect(screen.getByRole('checkbox', { name: 'SEO по регионам (context-ads)' })).toBeChecked();
  });
});
