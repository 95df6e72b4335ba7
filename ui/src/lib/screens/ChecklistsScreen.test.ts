import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Checklist } from '$lib/bindings/Checklist';
import { sampleReport } from '$lib/fixtures.test-data';
import { language } from '$lib/state/language.svelte';
import { LibraryState } from '$lib/state/library.svelte';
import ChecklistsScreen from './ChecklistsScreen.svelte';

const core = {
  id: 'core',
  version: 1,
  title: { ru: 'Базовый бриф', en: 'Core brief' },
  languages: ['ru', 'en'],
  sections: [
    {
      id: 'goal',
      title: { ru: 'Цель', en: 'Goal' },
      questions: [
        {
          id: 'goal_statement',
          prompt: { ru: 'Какой цели вы хотите достичь?', en: 'What goal?' },
          hint: { ru: 'Нужна цифра и срок.', en: 'A number and a date.' },
          kind: 'long_text',
          required: true,
        },
      ],
    },
  ],
  processes: [
    {
      id: 'sales',
      title: { ru: 'Продажа', en: 'Sales' },
      why: { ru: 'Видеть путь покупателя.', en: 'To see the path.' },
      evidence: ['goal_statement'],
      agenda: [{ ru: 'Как обрабатывается заявка?', en: 'How is a request handled?' }],
    },
  ],
  rules: [
    {
      id: 'regions',
      severity: 'high',
      when: { answered: 'goal_statement' },
      message: { ru: 'Регионы без преимущества для покупателей', en: 'Regions' },
      agenda: [],
    },
  ],
} as unknown as Checklist;

describe('ChecklistsScreen', () => {
  beforeEach(() => language.set('ru'));

  it('loads the library on every visit and opens a checklist to read', async () => {
    const user = userEvent.setup();
    const load = vi.fn(() => Promise.resolve(sampleReport));
    const open = vi.fn(() => Promise.resolve(core));
    const library = new LibraryState(load);
    const first = render(ChecklistsScreen, { library, open });
    await screen.findByText('Базовый бриф');
    first.unmount();
    render(ChecklistsScreen, { library, open });
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));

    const [openCore] = screen.getAllByRole('button', { name: /^Открыть: Базовый бриф/ });
    if (!openCore) throw new Error('no open button');
    await user.click(openCore);
    const reader = await screen.findByTestId('checklist-reader');
    expect(open).toHaveBeenCalledWith('core', 1);
    expect(within(reader).getByText(/Какой цели вы хотите достичь/)).toBeInTheDocument();
    expect(within(reader).getByText('обязательный')).toBeInTheDocument();
    expect(within(reader).getByText(/Нужна цифра и срок/)).toBeInTheDocument();
    expect(within(reader).getByText('Продажа')).toBeInTheDocument();
    expect(within(reader).getByText(/Регионы без преимущества/)).toBeInTheDocument();
    expect(within(reader).getByText('важность: высокая')).toBeInTheDocument();
    await user.click(within(reader).getByRole('button', { name: 'Закрыть' }));
    expect(screen.queryByTestId('checklist-reader')).toBeNull();
  });
});
