import { useGetOne, useLocaleState, useRecordContext, type FieldProps } from 'react-admin';

/** An award form named in the reader's language (from the catalogue), not by its code. */
export function AwardFormName({ source = 'formCode' }: Omit<FieldProps, 'source'> & { source?: string }) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const code = record?.[source] as string | undefined;
  const { data: form } = useGetOne('awardForms', { id: code ?? '' }, { enabled: !!code });
  if (!code) return null;
  return <span>{form ? (locale === 'en' ? (form.nameEn ?? form.nameVi) : form.nameVi) : ''}</span>;
}
