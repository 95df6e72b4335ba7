/** Renders a question in the test harness and records what it emits. */
import { render } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { AnswerValue } from '$lib/bindings/AnswerValue';
import type { Entry } from '$lib/bindings/Entry';
import type { Question } from '$lib/bindings/Question';
import type { Lang } from '$lib/i18n';
import QuestionFieldHarness from './QuestionFieldHarness.test.svelte';

export function renderField(question: Question, options: { lang?: Lang; initial?: Entry } = {}) {
  const onchange = vi.fn<(entry: Entry | null) => void>();
  const oninvalid = vi.fn<(message: string | null) => void>();
  const user = userEvent.setup();
  const result = render(QuestionFieldHarness, { question, onchange, oninvalid, ...options });
  return {
    ...result,
    user,
    onchange,
    oninvalid,
    /** The last entry emitted (`undefined` when nothing was emitted). */
    last: () => onchange.mock.lastCall?.[0],
    /** The last invalid message reported (`undefined` when none was). */
    lastProblem: () => oninvalid.mock.lastCall?.[0],
  };
}

/** `{state: 'answered', value}` wrapped in an entry, as the store keeps it. */
export function answered(value: AnswerValue): Entry {
  return { answer: { state: 'answered', value } };
}
