import { screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { answered, renderField } from './field.test-helpers';
import { HOSTILE, companyName, goalStatement } from './questions.test-data';

describe('TextAnswer', () => {
  it('stores a short text as typed, labelled by its prompt', async () => {
    const { user, last } = renderField(companyName);
    const input = screen.getByRole('textbox', { name: /Как называется компания/ });
    expect(input).toHaveAttribute('placeholder', 'ООО «Колесо-Сервис», бренд ШинаМаркет');
    expect(input).toHaveAttribute('aria-required', 'true');

    await user.type(input, 'ШинаМаркет');

    expect(last()).toEqual({
      answer: { state: 'answered', value: { type: 'text', value: 'ШинаМаркет' } },
    });
    expect(input).toHaveValue('ШинаМаркет');
  });

  it('counts characters against max_length and keeps a too-long text without storing it', async () => {
    const { user, onchange, last, lastProblem } = renderField({ ...companyName, max_length: 5 });
    const input = screen.getByRole('textbox', { name: /Как называется/ });
    expect(screen.getByText('0 из 5')).toBeInTheDocument();

    await user.type(input, 'Шина!');
    expect(last()).toEqual(answered({ type: 'text', value: 'Шина!' }));
    expect(screen.getByText('5 из 5')).toBeInTheDocument();
    const calls = onchange.mock.calls.length;

    await user.type(input, '?');
    expect(input).toHaveValue('Шина!?');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Не длиннее 5 знаков — сократите текст')).toBeInTheDocument();
    expect(screen.getByText('6 из 5')).toBeInTheDocument();
    expect(lastProblem()).toBe('Не длиннее 5 знаков — сократите текст');
    expect(onchange.mock.calls.length).toBe(calls);

    await user.type(input, '{Backspace}');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(lastProblem()).toBeNull();
    expect(last()).toEqual(answered({ type: 'text', value: 'Шина!' }));
  });

  it('stores nothing for a blank field', async () => {
    const { user, last } = renderField(companyName, {
      initial: answered({ type: 'text', value: 'Ш' }),
    });
    const input = screen.getByRole('textbox', { name: /Как называется/ });
    expect(input).toHaveValue('Ш');
    await user.clear(input);
    expect(last()).toBeNull();
    await user.type(input, '   ');
    expect(last()).toBeNull();
  });

  it('grows a long text in a textarea and keeps line breaks', async () => {
    const { user, last } = renderField(goalStatement);
    const area = screen.getByRole('textbox', { name: /Чего компания хочет добиться/ });
    expect(area.tagName).toBe('TEXTAREA');

    await user.type(area, 'Заявки 80 → 150{Enter}к 1 сентября');

    expect(last()).toEqual(answered({ type: 'text', value: 'Заявки 80 → 150\nк 1 сентября' }));
    expect(area.style.height).not.toBe('');
  });

  it('shows hostile text literally, in the field and from the store', async () => {
    const { user, last } = renderField(goalStatement, {
      initial: answered({ type: 'text', value: HOSTILE }),
    });
    const area = screen.getByRole('textbox', { name: /Чего компания/ });
    expect(area).toHaveValue(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
    await user.clear(area);
    await user.type(area, '<b>x</b>');
    expect(last()).toEqual(answered({ type: 'text', value: '<b>x</b>' }));
    expect(document.querySelector('b')).toBeNull();
  });

  it('speaks English', () => {
    renderField({ ...companyName, max_length: 10 }, { lang: 'en' });
    expect(screen.getByRole('textbox', { name: /What is the company called/ })).toBeInTheDocument();
    expect(screen.getByText('0 of 10')).toBeInTheDocument();
  });
});
