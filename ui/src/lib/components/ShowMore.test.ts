import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { language } from '$lib/state/language.svelte';
import ShowMore from './ShowMore.svelte';

describe('ShowMore', () => {
  beforeEach(() => language.set('ru'));

  it('says how many rows are drawn and offers the next page and all', async () => {
    const onmore = vi.fn();
    const onall = vi.fn();
    render(ShowMore, { shown: 100, total: 1000, page: 100, onmore, onall });
    expect(screen.getByText('Показано 100 из 1000')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Показать ещё 100' }));
    expect(onmore).toHaveBeenCalledOnce();
    await fireEvent.click(screen.getByRole('button', { name: 'Показать все' }));
    expect(onall).toHaveBeenCalledOnce();
  });

  it('offers only what is left, in English too', () => {
    language.set('en');
    render(ShowMore, { shown: 200, total: 230, page: 100, onmore: () => {}, onall: () => {} });
    expect(screen.getByRole('button', { name: 'Show 30 more' })).toBeInTheDocument();
  });

  it('is gone when every row is drawn', () => {
    render(ShowMore, { shown: 40, total: 40, page: 100, onmore: () => {}, onall: () => {} });
    expect(screen.queryByTestId('show-more')).toBeNull();
  });
});
