import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Gap } from '$lib/bindings/Gap';
import type { GapReport } from '$lib/bindings/GapReport';
import type { ProcessReport } from '$lib/bindings/ProcessReport';
import GapsPanel from './GapsPanel.svelte';

function process(status: ProcessReport['status'], note?: string): ProcessReport {
  return {
    checklist: 'core',
    process: 'sales',
    title: { ru: 'Продажи', en: 'Sales' },
    status,
    answered: 0,
    shown: 2,
    missing: status === 'not_described' ? ['sales_request_handling'] : [],
    documents: [],
    note,
  };
}

function report(p: ProcessReport): GapReport {
  return {
    today: '2026-12-02',
    completeness: { done: 1, total: 2, percent: 50 },
    sections: [],
    gaps: [],
    pending: [],
    processes: [p],
    verdict: { ready: false, reasons: [] },
  };
}

describe('GapsPanel: a process described at the meeting', () => {
  it('marks a not-described process with the note the manager writes', async () => {
    const onnote = vi.fn(() => Promise.resolve());
    render(GapsPanel, {
      report: report(process('not_described')),
      lang: 'ru',
      ongoto: () => {},
      onnote,
    });
    expect(screen.getByTestId('process-status').textContent).toBe('процесс не описан');
    await userEvent.click(screen.getByRole('button', { name: 'Описан на встрече…' }));
    const save = screen.getByRole('button', { name: 'Отметить описанным' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(screen.getByLabelText('Что рассказал клиент'), {
      target: { value: '  Прошли путь заявки  ' },
    });
    expect((save as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(save);
    expect(onnote).toHaveBeenCalledWith('core:sales', 'Прошли путь заявки');
  });

  it('shows the note of a process described by note and clears it', async () => {
    const onnote = vi.fn(() => Promise.resolve());
    render(GapsPanel, {
      report: report(process('described_by_note', 'Прошли путь заявки')),
      lang: 'ru',
      ongoto: () => {},
      onnote,
    });
    expect(screen.getByTestId('process-status').textContent).toBe('описали на встрече');
    expect(screen.getByTestId('process-note').textContent).toBe('Прошли путь заявки');
    await userEvent.click(screen.getByRole('button', { name: 'Снять отметку' }));
    expect(onnote).toHaveBeenCalledWith('core:sales', null);
  });

  it('offers no marking without a handler, nor for a described process', () => {
    render(GapsPanel, { report: report(process('described')), lang: 'en', ongoto: () => {}, onnote: vi.fn() });
    expect(screen.queryByRole('button', { name: 'Described at the meeting…' })).toBeNull();
    expect(screen.getByTestId('process-status').textContent).toBe('described in the interview');
  });
});

describe('GapsPanel: what to clarify', () => {
  function gap(key: string, code: Gap['code'], severity: Gap['severity'], order: number): Gap {
    return {
      key,
      code,
      severity,
      checklist: 'core',
      questions: [],
      subject: { ru: key, en: key },
      agenda: [],
      order,
    };
  }

  it('lists risk signals first, the most severe on top, then the rest in interview order', () => {
    const r = report(process('described'));
    r.gaps = [
      gap('answer:company_name', 'missing_answer', 'high', 1),
      gap('rule:core:low_margin', 'rule_flag', 'medium', 5),
      gap('answer:goal_target', 'missing_answer', 'high', 2),
      gap('rule:core:regions_without_offer', 'rule_flag', 'high', 9),
    ];
    const { container } = render(GapsPanel, { report: r, lang: 'ru', ongoto: () => {} });
    const keys = [...container.querySelectorAll('[data-gap]')].map((li) => li.getAttribute('data-gap'));
    expect(keys).toEqual([
      'rule:core:regions_without_offer',
      'rule:core:low_margin',
      'answer:company_name',
      'answer:goal_target',
    ]);
  });
});
