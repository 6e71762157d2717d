import { Autocomplete, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { ListBase, useGetList, useGetOne, useTranslate, type RaRecord } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { YearField } from '../common/YearField';
import { PageCard } from '../common/PageCard';
import { EligibilityResults } from './EligibilityResults';

/**
 * Pick a standard and a year: the candidates with every condition's outcome and the values used, one page at a time
 * from the server (filtered by eligibility, a search and a unit, sorted by eligibility, name or unit code). An eligible
 * row opens a nomination; any row shows and records the subject's preconditions. The standard and year are the
 * page's address (`?campaign=&standard=&year=`); the results are the `awardEligibility` list, whose filters, sort and
 * page react-admin keeps in the same address.
 */
export function EligibilityPage() {
  const translate = useTranslate();
  const [params, setParams] = useSearchParams();
  const [campaignId, setCampaignId] = useState(params.get('campaign') ?? '');
  const [standardId, setStandardId] = useState(params.get('standard') ?? '');
  const [year, setYear] = useState(params.get('year') ?? '');
  const [campaignSearch, setCampaignSearch] = useState('');
  const [standardSearch, setStandardSearch] = useState('');

  const { data: campaigns = [] } = useGetList('campaigns', {
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'name', order: 'ASC' },
    filter: { q: campaignSearch || undefined },
  });
  const { data: selected } = useGetOne('campaigns', { id: campaignId }, { enabled: !!campaignId });
  const { data: standards = [] } = useGetList(
    'awardStandards',
    {
      pagination: { page: 1, perPage: 20 },
      sort: { field: 'id', order: 'ASC' },
      filter: { campaignId, hasRule: true, q: standardSearch || undefined },
    },
    { enabled: !!campaignId },
  );
  const { data: standard } = useGetOne('awardStandards', { id: standardId }, { enabled: !!standardId });
  const campaignOptions = selected && !campaigns.some((c) => c.id === selected.id) ? [selected, ...campaigns] : campaigns;
  const standardOptions = standard && !standards.some((s) => s.id === standard.id) ? [standard, ...standards] : standards;
  const standardLabel = (s: RaRecord) =>
    `${translate(`enums.AwardOccasion.${s.occasion}`)}${s.year ? ` ${s.year}` : ''} · ${translate(`enums.AwardSubjectType.${s.subjectType}`)} · ${s.criteriaText.slice(0, 90)}`;

  const shownStandard = params.get('standard');
  const shownYear = Number(params.get('year'));

  return (
    <PageCard title="awards.eligibility.title">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'center' }}>
        <Autocomplete
          size="small"
          sx={{ minWidth: { xs: '100%', sm: 420 } }}
          options={campaignOptions}
          value={campaignOptions.find((c) => String(c.id) === campaignId) ?? null}
          getOptionLabel={(c) => c.name}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          filterOptions={(x) => x}
          onInputChange={(_, value, reason) => reason === 'input' && setCampaignSearch(value)}
          onChange={(_, c) => {
            setCampaignId(c ? String(c.id) : '');
            setStandardId('');
          }}
          renderInput={(p) => <TextField {...p} label={translate('awards.eligibility.campaign')} />}
        />
        <Autocomplete
          size="small"
          sx={{ minWidth: { xs: '100%', sm: 420 }, maxWidth: 620, flex: 1 }}
          options={standardOptions}
          disabled={!campaignId}
          value={standardOptions.find((s) => String(s.id) === standardId) ?? null}
          getOptionLabel={standardLabel}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          filterOptions={(x) => x}
          onInputChange={(_, value, reason) => reason === 'input' && setStandardSearch(value)}
          onChange={(_, s) => {
            setStandardId(s ? String(s.id) : '');
            if (s?.year) setYear(String(s.year));
          }}
          renderInput={(p) => <TextField {...p} label={translate('awards.eligibility.standard')} />}
        />
        <YearField label="awards.eligibility.year" value={year} onChange={setYear} />
        <Button
          variant="contained"
          disabled={!standardId || !year}
          onClick={() => setParams(new URLSearchParams({ campaign: campaignId, standard: standardId, year }))}
        >
          {translate('awards.eligibility.run')}
        </Button>
      </Stack>
      {shownStandard && shownYear ? (
        <ListBase
          resource="awardEligibility"
          filter={{ standardId: shownStandard, year: shownYear }}
          sort={{ field: 'eligible', order: 'ASC' }}
          perPage={25}
          debounce={300}
          storeKey={false}
        >
          <EligibilityResults standard={standard} year={shownYear} />
        </ListBase>
      ) : (
        <Typography color="text.secondary">{translate('awards.eligibility.pick')}</Typography>
      )}
    </PageCard>
  );
}
