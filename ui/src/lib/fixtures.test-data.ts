/** Sample reports for component tests, shaped like what `list_checklists` returns. */
import type { ChecklistSummary } from '$lib/bindings/ChecklistSummary';
import type { FileProblem } from '$lib/bindings/FileProblem';
import type { LibraryReport } from '$lib/bindings/LibraryReport';

export const coreChecklist: ChecklistSummary = {
  id: 'core',
  version: 1,
  title: { ru: 'Базовый бриф', en: 'Core brief' },
  description: { ru: 'Вопросы для любого проекта', en: 'Questions for every project' },
  languages: ['ru', 'en'],
  applies_to: [],
  extends: null,
  replaces: [],
  sections: 6,
  questions: 42,
  processes: 5,
  rules: 3,
  origin: 'bundled',
  path: '/repo/checklists/core/v1.yaml',
  hash: 'ab12',
};

export const seoChecklist: ChecklistSummary = {
  id: 'seo-regions',
  version: 2,
  title: { ru: 'SEO по регионам', en: 'Regional SEO' },
  description: null,
  languages: ['ru', 'en'],
  applies_to: ['seo', 'context-ads'],
  extends: 'core',
  replaces: [],
  sections: 1,
  questions: 21,
  processes: 0,
  rules: 1,
  origin: 'agency',
  path: '/agency/seo-regions/v2.yaml',
  hash: 'cd34',
};

export const brokenFile: FileProblem = {
  path: '/agency/broken/v1.yaml',
  origin: 'agency',
  diagnostics: [
    {
      path: '/agency/broken/v1.yaml',
      line: 12,
      column: 5,
      yaml_path: 'sections[0].questions[3]',
      message: 'unknown field `requird`',
      fix: 'did you mean `required`?',
    },
    {
      path: '/agency/broken/v1.yaml',
      line: null,
      column: null,
      yaml_path: null,
      message: 'the file has no `version`',
      fix: 'add `version: 1` at the top',
    },
  ],
};

export const sampleReport: LibraryReport = {
  checklists: [coreChecklist, seoChecklist],
  services: ['context-ads', 'seo'],
  problems: [brokenFile],
};
