import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientLink } from '$lib/bindings/ClientLink';
import type { FollowUpBriefing } from '$lib/bindings/FollowUpBriefing';
import type { FollowUpItem } from '$lib/bindings/FollowUpItem';
import FollowUpPanel from './FollowUpPanel.svelte';

const backend = vi.hoisted(() => ({
  clientLinks: vi.fn(),
  clientLinkDefaultExpiry: vi.fn(),
  followupSubjects: vi.fn(),
  createClientLink: vi.fn(),
  revokeClientLink: vi.fn(),
  openClientLink: vi.fn(),
  lettersSent: vi.fn(),
  clientLetter: vi.fn(),
}));
vi.mock('$lib/backend', async (original) => ({
  ...(await original<typeof import('$lib/backend')>()),
  ...backend,
}));

const item: FollowUpItem = {
  key: 'answer:marketing_budget',
  code: 'missing_answer',
  severity: 'high',
  checklist: 'core',
  questions: ['marketing_budget'],
  subject: { ru: 'Бюджет на продвижение', en: 'Promotion budget' },
  agenda: [],
  order: 1,
};

const meeting: FollowUpBriefing = {
  id: 'f1',
  brief_id: 'b1',
  title: 'Уточняющая встреча: Колесо',
  start: '2027-01-20T11:00',
  duration_minutes: 60,
  attendees: [],
  items: ['answer:marketing_budget'],
};

const live: ClientLink = {
  id: 'L1',
  brief_id: 'b1',
  followup_id: 'f1',
  url: 'https://team.example/c/tok',
  contact: 'Ирина',
  expires_on: '2027-01-15',
  created_at: '2026-12-02T10:00:00Z',
  created_by: 'Анна',
  state: 'live',
};

function show(signedIn: boolean, items: FollowUpItem[] = [item]) {
  render(FollowUpPanel, {
    briefId: 'b1',
    client: 'Колесо',
    contacts: [],
    items,
    followups: [meeting],
    lang: 'ru',
    signedIn,
    onplanned: () => {},
  });
}

describe('FollowUpPanel: the client link of a meeting', () => {
  beforeEach(() => {
    for (const f of Object.values(backend)) f.mockReset();
    backend.lettersSent.mockResolvedValue([]);
    backend.clientLinks.mockResolvedValue([]);
    backend.clientLetter.mockResolvedValue('Здравствуйте!');
    backend.followupSubjects.mockResolvedValue({
      'answer:marketing_budget': { ru: 'Сколько вы готовы тратить на продвижение?', en: 'Budget?' },
    });
  });

  it('names a closed item by its question, not by its key, and marks it closed', async () => {
    show(true, []);
    const closed = await screen.findByText('Сколько вы готовы тратить на продвижение?');
    expect(closed.closest('li')).toHaveTextContent('закрыт');
    expect(screen.queryByText(/answer:marketing_budget/)).toBeNull();
  });

  it('shows the key of a closed item no checklist names any more', async () => {
    backend.followupSubjects.mockResolvedValue({});
    show(true, []);
    expect(await screen.findByText(/answer:marketing_budget/)).toBeInTheDocument();
  });

  it('is disabled with the reason when not signed in', async () => {
    show(false);
    const box = await screen.findByTestId('client-link');
    expect(within(box).getByRole('button', { name: 'Ссылка для клиента…' })).toBeDisabled();
    expect(within(box).getByTestId('client-link-blocked')).toHaveTextContent('Настройки → Командный сервер');
  });

  it('is disabled when every item of the meeting is closed', async () => {
    show(true, []);
    const box = await screen.findByTestId('client-link');
    expect(within(box).getByTestId('client-link-blocked')).toHaveTextContent('спрашивать клиента нечего');
  });

  it('creates the link for the meeting and shows it', async () => {
    const user = userEvent.setup();
    backend.createClientLink.mockResolvedValue(live);
    show(true);
    const box = await screen.findByTestId('client-link');
    backend.clientLinkDefaultExpiry.mockResolvedValue('2027-01-20');
    await user.click(within(box).getByRole('button', { name: 'Ссылка для клиента…' }));
    expect(backend.clientLinkDefaultExpiry).toHaveBeenCalledWith('f1');
    expect(await within(box).findByLabelText('Действует до')).toHaveValue('20.01.2027');
    backend.clientLinks.mockResolvedValue([live]);
    await user.keyboard('{Enter}');
    expect(backend.createClientLink).toHaveBeenCalledWith('f1', '2027-01-20');
    expect(await within(box).findByTestId('client-link-state')).toHaveTextContent(
      'действует до 15 января 2027',
    );
    await user.click(within(box).getByRole('button', { name: 'Открыть в браузере' }));
    expect(backend.openClientLink).toHaveBeenCalledWith('b1', 'L1');
  });

  it("the letter dialog says whether the letter carries the meeting's link", async () => {
    const user = userEvent.setup();
    backend.clientLinks.mockResolvedValue([live]);
    show(true);
    await screen.findByTestId('client-link-state');
    const meetingItem = screen.getByTestId('followups');
    await user.click(within(meetingItem).getByRole('button', { name: 'Письмо клиенту' }));
    expect(await screen.findByTestId('letter-link')).toHaveTextContent(
      'В письме есть ссылка для клиента (действует до 15 января 2027)',
    );
  });

  it('the letter dialog says how to get a link into the letter when there is none', async () => {
    const user = userEvent.setup();
    show(true);
    await user.click(within(screen.getByTestId('followups')).getByRole('button', { name: 'Письмо клиенту' }));
    expect(await screen.findByTestId('letter-link')).toHaveTextContent('Ссылки для клиента в письме нет');
  });
});
