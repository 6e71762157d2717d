import { Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { gql } from '../dataProvider/client';

/** A plan document the seeds cite by file name ("003_a6acb2b6647a6e7e.txt §I.1.b"). */
interface SourceDocument { sourceFile: string; title: string | null; number: string | null; issuingBody: string }

let documents: Promise<Map<string, SourceDocument>> | undefined;

/**
 * The documents records are quoted from, read once from the campaigns' plans. The seeded campaigns were created
 * first, so the oldest hundred hold every one of them.
 */
function sourceDocuments(): Promise<Map<string, SourceDocument>> {
  documents ??= gql<{ campaigns: { nodes: { plan: SourceDocument | null }[] } }>(
    '{ campaigns(limit: 100, orderBy: CREATED, direction: ASC) { nodes { plan { sourceFile title number issuingBody } } } }',
  ).then((r) => new Map(r.campaigns.nodes.filter((c) => c.plan?.sourceFile).map((c) => [c.plan!.sourceFile, c.plan!])))
    .catch((error) => { documents = undefined; throw error; });
  return documents;
}

const SEED_SOURCE = /^(\S+\.txt) (.+)$/;

/** "§III.2.2.b ¶5 +2" in words: section III.2.2.b, bullet 5, item 2 (the seeds' clause notation, seeds/plans/README.md). */
function clauseText(clauses: string, translate: (key: string, options?: Record<string, unknown>) => string): string {
  return clauses.split('; ').map((clause) => clause.replace(/^§/, '').replace(' (Lưu ý)', ' (note)').split(' ').map((part) => {
    if (part === 'title' || part === 'preamble') return translate(`app.sourceText.${part}`);
    if (part === '(note)') return translate('app.sourceText.note');
    if (part.startsWith('¶')) return translate('app.sourceText.bullet', { n: part.slice(1) });
    if (part.startsWith('+')) return translate('app.sourceText.item', { n: part.slice(1) });
    return translate('app.sourceText.section', { n: part });
  }).join(', ')).join('; ');
}

/**
 * Where a record comes from, as a reader names it: the plan it is quoted from (its full title on hover) and the
 * clause in words, rather than the seed's file name and clause notation. Other sources show as written.
 */
export function SourceText({ source }: { source: string | null | undefined }) {
  const translate = useTranslate();
  const [known, setKnown] = useState<Map<string, SourceDocument> | null>(null);
  const seeded = source ? SEED_SOURCE.exec(source) : null;
  useEffect(() => {
    let live = true;
    if (seeded) sourceDocuments().then((found) => live && setKnown(found), () => live && setKnown(new Map()));
    return () => { live = false; };
  }, [seeded?.[1]]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!source) return null;
  if (!seeded) return <span>{source}</span>;
  if (!known) return <span />;
  const document = known.get(seeded[1]);
  const where = clauseText(seeded[2], translate);
  if (!document) return <span>{translate('app.sourceText.unknown', { where })}</span>;
  const name = translate('app.sourceText.plan', { number: document.number ? ` ${document.number}` : '', body: document.issuingBody });
  return (
    <Tooltip title={document.title ?? ''}>
      <span data-source-file={seeded[1]}>{`${name}, ${where}`}</span>
    </Tooltip>
  );
}
