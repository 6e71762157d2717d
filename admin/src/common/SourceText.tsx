import { Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { useHub } from './useHub';

const SEED_SOURCE = /^(\S+\.txt) (.+)$/;

/** "§III.2.2.b ¶5 +2" in words: section III.2.2.b, bullet 5, item 2 (the seeds' clause notation, seeds/plans/README.md). */
function clauseText(clauses: string, translate: (key: string, options?: Record<string, unknown>) => string): string {
  return clauses
    .split('; ')
    .map((clause) =>
      clause
        .replace(/^§/, '')
        .replace(' (Lưu ý)', ' (note)')
        .split(' ')
        .map((part) => {
          if (part === 'title' || part === 'preamble') return translate(`app.sourceText.${part}`);
          if (part === '(note)') return translate('app.sourceText.note');
          if (part.startsWith('¶')) return translate('app.sourceText.bullet', { n: part.slice(1) });
          if (part.startsWith('+')) return translate('app.sourceText.item', { n: part.slice(1) });
          return translate('app.sourceText.section', { n: part });
        })
        .join(', '),
    )
    .join('; ');
}

/**
 * Where a record comes from, as a reader names it: the plan it is quoted from (its full title on hover) and the
 * clause in words, rather than the seed's file name and clause notation. Other sources show as written.
 */
export function SourceText({ source }: { source: string | null | undefined }) {
  const translate = useTranslate();
  const hub = useHub();
  const seeded = source ? SEED_SOURCE.exec(source) : null;
  // The documents records are quoted from, read once for every source shown.
  const { data: known, isError } = useQuery({
    queryKey: ['sourceDocuments'],
    queryFn: () => hub.sourceDocuments(),
    staleTime: Infinity,
    enabled: !!seeded,
  });
  if (!source) return null;
  if (!seeded) return <span>{source}</span>;
  if (!known && !isError) return <span />;
  const document = known?.get(seeded[1]);
  const where = clauseText(seeded[2], translate);
  if (!document) return <span>{translate('app.sourceText.unknown', { where })}</span>;
  const name = translate('app.sourceText.plan', { number: document.number ? ` ${document.number}` : '', body: document.issuingBody });
  return (
    <Tooltip title={document.title ?? ''}>
      <span data-source-file={seeded[1]}>{`${name}, ${where}`}</span>
    </Tooltip>
  );
}
