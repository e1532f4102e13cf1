import type { ImportSummary } from '../../src/services/backup.service.js';

/** What restoring a backup reports: the counts given, and 0 for every other kind of data. */
export function restored(counts: Partial<ImportSummary>): ImportSummary {
  return {
    habits: 0,
    checkIns: 0,
    scorecard: 0,
    frameworks: 0,
    assessments: 0,
    evidence: 0,
    activities: 0,
    experiments: 0,
    library: 0,
    cards: 0,
    journal: 0,
    ...counts,
  };
}
