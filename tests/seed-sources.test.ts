import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectPath } from '../server/shared/project.js';

/**
 * The seed plans quote their documents (seeds/plans/README.md § "General conventions"): every target's and duty's
 * `quote` and every standard's and subject's `criteriaText` is a piece of its source document, whitespace aside
 * (000 and 002 are PDF extracts wrapped mid-sentence). The documents are the project's ground truth; a copy of them
 * lives in seeds/documents, so this check runs on every clone.
 */
const DOCUMENTS = projectPath('seeds', 'documents');
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('the seed plans quote their documents', () => {
  const plans = readdirSync(projectPath('seeds', 'plans')).filter((f) => /^\d{3}-.*\.yaml$/.test(f));

  it('finds every quote and criteria text, with a clause of the same document', () => {
    let checked = 0;
    for (const file of plans) {
      const doc = parse(readFileSync(projectPath('seeds', 'plans', file), 'utf8'));
      const text = squeeze(readFileSync(`${DOCUMENTS}/${doc.source}`, 'utf8'));
      const quoted = [
        ...doc.targets.map((t: any) => [`targets ${t.key}`, t.quote, t.source]),
        ...doc.responsibilities.map((r: any, i: number) => [`responsibilities[${i}]`, r.quote, r.source]),
        ...doc.awardStandards.map((s: any) => [`awardStandards ${s.key}`, s.criteriaText, s.source]),
        ...doc.subjects.filter((s: any) => s.criteriaText).map((s: any) => [`subjects ${s.type}`, s.criteriaText, s.source]),
      ] as [string, string, string][];
      for (const [where, quote, source] of quoted) {
        expect(source, `${file} ${where}`).toMatch(new RegExp(`^${doc.source.replace('.', '\\.')} §`));
        // Criteria texts keep the bullets one per line with their "-"/"+" marks; the document has them too.
        expect(text.includes(squeeze(quote)), `${file} ${where}: "${quote.slice(0, 80)}…" is not in ${doc.source}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });
});
