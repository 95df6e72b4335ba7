import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BackendError } from '$lib/backend';
import { sampleReport } from '$lib/fixtures.test-data';
import { language } from '$lib/state/language.svelte';
import { LibraryState } from '$lib/state/library.svelte';
import App from './App.svelte';

describe('App', () => {
  beforeEach(() => language.set('ru'));

  it('loads the library and shows checklists and failed files', async () => {
    const library = new LibraryState(() => Promise.resolve(sampleReport));
    render(App, { library });

    expect(screen.getByRole('heading', { level: 1, name: 'Deepbrief' })).toBeInTheDocument();
    expect(await screen.findByText('Базовый бриф')).toBeInTheDocument();
    expect(screen.getByText('/agency/broken/v1.yaml:12:5')).toBeInTheDocument();
  });

  it('reports the first screen ready once, after it rendered', async () => {
    const onready = vi.fn();
    const library = new LibraryState(() => Promise.resolve(sampleReport));
    render(App, { library, onready });

    await screen.findByText('Базовый бриф');
    await vi.waitFor(() => expect(onready).toHaveBeenCalledTimes(1));
    await library.refresh();
    expect(onready).toHaveBeenCalledTimes(1);
  });

  it('switches the whole window to English', async () => {
    const user = userEvent.setup();
    render(App, { library: new LibraryState(() => Promise.resolve(sampleReport)) });
    await screen.findByText('Базовый бриф');

    await user.click(screen.getByRole('button', { name: 'EN' }));

    expect(screen.getByText('Checklist library')).toBeInTheDocument();
    expect(screen.getByText('Core brief')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Files with errors/ })).toBeInTheDocument();
  });

  it('shows a failed load with its message and loads again on retry', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const library = new LibraryState(() => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new BackendError('internal', 'the checklist folder is unreadable'))
        : Promise.resolve(sampleReport);
    });
    render(App, { library });

    expect(await screen.findByRole('alert')).toHaveTextContent('the checklist folder is unreadable');
    await user.click(screen.getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByText('Базовый бриф')).toBeInTheDocument();
    expect(calls).toBe(2);
  });
});
