import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { detectLang } from '$lib/i18n';
import { language } from '$lib/state/language.svelte';
import LanguageSwitch from './LanguageSwitch.svelte';

describe('LanguageSwitch', () => {
  beforeEach(() => language.set('ru'));

  it('switches between RU and EN and marks the current one', async () => {
    const user = userEvent.setup();
    render(LanguageSwitch);

    const ru = screen.getByRole('button', { name: 'RU' });
    const en = screen.getByRole('button', { name: 'EN' });
    expect(ru).toHaveAttribute('aria-pressed', 'true');
    expect(en).toHaveAttribute('aria-pressed', 'false');

    await user.click(en);
    expect(language.current).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(en).toHaveAttribute('aria-pressed', 'true');
    expect(ru).toHaveAttribute('aria-pressed', 'false');

    await user.click(ru);
    expect(language.current).toBe('ru');
  });
});

describe('detectLang', () => {
  it('is Russian unless the system language is English', () => {
    expect(detectLang('en-US')).toBe('en');
    expect(detectLang('EN')).toBe('en');
    expect(detectLang('ru-RU')).toBe('ru');
    expect(detectLang('de-DE')).toBe('ru');
    expect(detectLang(undefined)).toBe('ru');
  });
});
