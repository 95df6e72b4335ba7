import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { brokenFile } from '$lib/fixtures.test-data';
import { language } from '$lib/state/language.svelte';
import LoadProblems from './LoadProblems.svelte';

describe('LoadProblems', () => {
  beforeEach(() => language.set('ru'));

  it('lists every failed file with each error: place, message and fix', () => {
    render(LoadProblems, { problems: [brokenFile] });

    expect(screen.getByRole('heading', { name: /Файлы с ошибками/ })).toBeInTheDocument();
    const file = screen.getByText('/agency/broken/v1.yaml', { selector: '.path' }).closest('li');
    if (!file) throw new Error('the file is not a list item');
    const scope = within(file);
    expect(scope.getByText('2 ошибки')).toBeInTheDocument();
    expect(scope.getByText('/agency/broken/v1.yaml:12:5')).toBeInTheDocument();
    expect(scope.getByText(/unknown field `requird`/)).toBeInTheDocument();
    expect(scope.getByText('sections[0].questions[3]')).toBeInTheDocument();
    expect(scope.getByText(/did you mean `required`\?/)).toBeInTheDocument();
    // A problem without a place in the file names just the file.
    expect(scope.getByText('/agency/broken/v1.yaml', { selector: '.location' })).toBeInTheDocument();
    expect(scope.getByText(/add `version: 1` at the top/)).toBeInTheDocument();
    expect(scope.getAllByText('Как исправить:')).toHaveLength(2);
  });

  it('speaks English after the switch', async () => {
    render(LoadProblems, { problems: [brokenFile] });
    language.set('en');
    expect(await screen.findByRole('heading', { name: /Files with errors/ })).toBeInTheDocument();
    expect(screen.getAllByText('How to fix:')).toHaveLength(2);
    expect(screen.getByText('2 errors')).toBeInTheDocument();
  });

  it('says all files loaded when there are no problems', () => {
    render(LoadProblems, { problems: [] });
    expect(screen.getByText('Все файлы чек-листов загружены без ошибок.')).toBeInTheDocument();
  });
});
