import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { coreChecklist, seoChecklist } from '$lib/fixtures.test-data';
import { language } from '$lib/state/language.svelte';
import ChecklistList from './ChecklistList.svelte';

describe('ChecklistList', () => {
  beforeEach(() => language.set('ru'));

  it('shows each checklist with id, version, services, counts and source in Russian', () => {
    render(ChecklistList, { checklists: [coreChecklist, seoChecklist] });

    expect(screen.getByRole('heading', { name: /Чек-листы/ })).toBeInTheDocument();
    expect(screen.getByText('Базовый бриф')).toBeInTheDocument();
    expect(screen.getByText('Вопросы для любого проекта')).toBeInTheDocument();
    expect(screen.getByText('SEO по регионам')).toBeInTheDocument();
    expect(screen.getByText('seo-regions')).toBeInTheDocument();
    expect(screen.getByText('v1')).toBeInTheDocument();
    expect(screen.getByText('v2')).toBeInTheDocument();
    expect(screen.getByText('универсальный')).toBeInTheDocument();
    expect(screen.getByText('seo')).toBeInTheDocument();
    expect(screen.getByText('context-ads')).toBeInTheDocument();
    expect(screen.getByText('6 разделов')).toBeInTheDocument();
    expect(screen.getByText('42 вопроса')).toBeInTheDocument();
    expect(screen.getByText('5 процессов')).toBeInTheDocument();
    expect(screen.getByText('3 правила')).toBeInTheDocument();
    expect(screen.getByText('1 раздел')).toBeInTheDocument();
    expect(screen.getByText('1 правило')).toBeInTheDocument();
    expect(screen.getByText('встроенный')).toBeInTheDocument();
    expect(screen.getByText('агентский')).toBeInTheDocument();
  });

  it('follows the language switch', async () => {
    render(ChecklistList, { checklists: [coreChecklist, seoChecklist] });

    language.set('en');
    await Promise.resolve();

    expect(await screen.findByText('Core brief')).toBeInTheDocument();
    expect(screen.getByText('Regional SEO')).toBeInTheDocument();
    expect(screen.getByText('core', { selector: '.tag' })).toBeInTheDocument();
    expect(screen.getByText('6 sections')).toBeInTheDocument();
    expect(screen.getByText('1 section')).toBeInTheDocument();
    expect(screen.getByText('bundled')).toBeInTheDocument();
    expect(screen.queryByText('Базовый бриф')).not.toBeInTheDocument();
  });

  it('says so when nothing loaded', () => {
    render(ChecklistList, { checklists: [] });
    expect(screen.getByText('Ни одного чек-листа не загружено.')).toBeInTheDocument();
  });
});
