import { Chip } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps, type RaRecord } from 'react-admin';
import { localise } from '../i18n/locale';
import { useFormat } from './format';

function pick(record: Record<string, unknown> | undefined, source: string): unknown {
  return source.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], record);
}

/** A GraphQL Date or DateTime shown dd/mm/yyyy. */
export function DateText({ source, withTime }: FieldProps & { source: string; withTime?: boolean }) {
  const record = useRecordContext();
  const format = useFormat();
  const value = pick(record, source) as string | null | undefined;
  return <span>{withTime ? format.dateTime(value) : format.date(value)}</span>;
}

export function NumberText({ source, vnd }: FieldProps & { source: string; vnd?: boolean }) {
  const record = useRecordContext();
  const format = useFormat();
  const value = pick(record, source) as number | null | undefined;
  return <span>{vnd ? format.vnd(value) : format.number(value)}</span>;
}

/** An enum value shown with its translated label (`enums.<Enum>.<VALUE>`). */
export function EnumText({ source, enumName, chip }: FieldProps & { source: string; enumName: string; chip?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = pick(record, source) as string | null | undefined;
  if (!value) return null;
  const label = translate(`enums.${enumName}.${value}`, { _: value });
  return chip ? <Chip size="small" label={label} /> : <span>{label}</span>;
}

/** "a – b" for a period. */
export function PeriodText({ from = 'periodStart', to = 'periodEnd' }: { label?: string; from?: string; to?: string }) {
  const record = useRecordContext();
  const format = useFormat();
  if (!record) return null;
  return (
    <span>
      {format.date(pick(record, from) as string)} – {format.date(pick(record, to) as string)}
    </span>
  );
}

/** A catalogue entry's name in the reader's language (`nameEn` in English when there is one, else the Vietnamese name). */
export function useLocalName() {
  const [locale] = useLocaleState();
  return (entry: { nameEn?: string | null; nameVi?: string | null; name?: string | null } | RaRecord | null | undefined): string =>
    (locale === 'en' ? entry?.nameEn : null) ?? entry?.nameVi ?? entry?.name ?? '';
}

/** A note the API writes "Tiếng Việt — English" (seeded notes): the half in the reader's language; other text as it is. */
export function NoteText({ source }: FieldProps & { source: string }) {
  const record = useRecordContext();
  useLocaleState();
  const value = pick(record, source) as string | null | undefined;
  return <span style={{ whiteSpace: 'pre-line' }}>{value ? localise(value) : '—'}</span>;
}
