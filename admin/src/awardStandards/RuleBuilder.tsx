import type { Json } from './rule';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Autocomplete,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useInput, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { ENUMS } from '../common/enums';
import { useFormat } from '../common/format';
import { useHub } from '../common/useHub';
import type { Criterion } from '../dataProvider';
import {
  CONDITION_KINDS,
  describeCondition,
  fromStored,
  newNode,
  type ClassThreshold,
  type Contribution,
  type Group,
  type NewlyMet,
  type Precondition,
  type Recognised,
  type RuleNode,
} from './rule';

/** The 19 criteria of the 2021–2025 commune set, read once (they do not change while the console runs). */
export function useCriteria(): Criterion[] {
  const hub = useHub();
  const { data = [] } = useQuery({ queryKey: ['communeCriteria'], queryFn: () => hub.communeCriteria(), staleTime: Infinity });
  return data;
}

export function useCriterionName() {
  const criteria = useCriteria();
  const [locale] = useLocaleState();
  return (n: number) => {
    const c = criteria.find((x) => x.number === n);
    return c ? `${n}. ${locale === 'en' && c.nameEn ? c.nameEn : c.name}` : String(n);
  };
}

const num = (text: string) => (text.trim() === '' ? null : Number(text));

function NumberBox({
  label,
  value,
  onChange,
  vnd,
  width = 150,
}: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
  vnd?: boolean;
  width?: number;
}) {
  const format = useFormat();
  return (
    <TextField
      size="small"
      fullWidth={false}
      type="number"
      label={label}
      value={value ?? ''}
      onChange={(e) => onChange(num(e.target.value))}
      sx={{ width }}
      helperText={vnd && value != null ? format.vnd(value) : undefined}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}

function Choice({
  label,
  value,
  options,
  onChange,
  enumName,
  width = 200,
}: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (v: string) => void;
  enumName: string;
  width?: number;
}) {
  const translate = useTranslate();
  return (
    <TextField
      select
      size="small"
      fullWidth={false}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: width }}
    >
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {translate(`enums.${enumName}.${o}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}

function ClassThresholds({
  label,
  list,
  onChange,
  vnd,
}: {
  label: string;
  list: ClassThreshold[];
  onChange: (l: ClassThreshold[]) => void;
  vnd?: boolean;
}) {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      {list.map((c, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }}>
          <Choice
            label={translate('awards.rule.unitClass')}
            value={c.unitClass}
            options={ENUMS.AwardUnitClass}
            enumName="AwardUnitClass"
            onChange={(v) => onChange(list.map((x, j) => (j === i ? { ...x, unitClass: v } : x)))}
          />
          <NumberBox
            label={translate('awards.rule.value')}
            value={c.value}
            vnd={vnd}
            onChange={(v) => onChange(list.map((x, j) => (j === i ? { ...x, value: v } : x)))}
          />
          <IconButton size="small" aria-label={translate('awards.rule.remove')} onClick={() => onChange(list.filter((_, j) => j !== i))}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Button
        size="small"
        startIcon={<AddIcon />}
        onClick={() => onChange([...list, { unitClass: 'ESPECIALLY_DISADVANTAGED', value: null }])}
      >
        {translate('awards.rule.addClass')}
      </Button>
    </Box>
  );
}

function NewlyMetEditor({ node, onChange }: { node: NewlyMet; onChange: (n: NewlyMet) => void }) {
  const translate = useTranslate();
  const criteria = useCriteria();
  const name = useCriterionName();
  const set = (patch: Partial<NewlyMet>) => onChange({ ...node, ...patch });
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <NumberBox label={translate('awards.rule.baseYear')} value={node.baseYear} onChange={(v) => set({ baseYear: v })} width={110} />
        <NumberBox label={translate('awards.rule.min')} value={node.min} onChange={(v) => set({ min: v })} />
        <TextField
          select
          size="small"
          fullWidth={false}
          label={translate('awards.rule.include')}
          value={node.includeMode}
          onChange={(e) => set({ includeMode: e.target.value as NewlyMet['includeMode'] })}
          sx={{ minWidth: 180 }}
        >
          {(['none', 'any', 'all'] as const).map((m) => (
            <MenuItem key={m} value={m}>
              {translate(`awards.rule.includeMode.${m}`)}
            </MenuItem>
          ))}
        </TextField>
        {node.includeMode !== 'none' && (
          <Autocomplete
            multiple
            size="small"
            sx={{ minWidth: { xs: '100%', sm: 420 }, flex: 1 }}
            options={criteria.map((c) => c.number)}
            value={node.include}
            getOptionLabel={(n) => name(n)}
            onChange={(_, value) => set({ include: value })}
            renderInput={(params) => <TextField {...params} label={translate('awards.rule.criteria')} />}
          />
        )}
      </Stack>
      <ClassThresholds label={translate('awards.rule.byClass')} list={node.byClass} onChange={(byClass) => set({ byClass })} />
      <FormControlLabel
        control={<Checkbox checked={node.ifAwarded} onChange={(e) => set({ ifAwarded: e.target.checked })} />}
        label={translate('awards.rule.ifAwarded')}
      />
      {node.ifAwarded && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Choice
            label={translate('awards.rule.occasion')}
            value={node.ifAwardedAt.occasion}
            options={['ANNUAL', 'MID_TERM_REVIEW', 'FINAL_REVIEW']}
            enumName="AwardOccasion"
            onChange={(v) => set({ ifAwardedAt: { ...node.ifAwardedAt, occasion: v } })}
          />
          <NumberBox
            label={translate('awards.rule.year')}
            value={node.ifAwardedAt.year}
            onChange={(v) => set({ ifAwardedAt: { ...node.ifAwardedAt, year: v } })}
            width={110}
          />
          <NumberBox
            label={translate('awards.rule.min')}
            value={node.ifAwardedAt.min}
            onChange={(v) => set({ ifAwardedAt: { ...node.ifAwardedAt, min: v } })}
          />
          <NumberBox
            label={translate('awards.rule.countSince')}
            value={node.ifAwardedAt.countSince}
            onChange={(v) => set({ ifAwardedAt: { ...node.ifAwardedAt, countSince: v } })}
            width={200}
          />
        </Stack>
      )}
    </Stack>
  );
}

function RecognisedEditor({ node, onChange }: { node: Recognised; onChange: (n: Recognised) => void }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1}>
      <Choice
        label={translate('awards.rule.tier')}
        value={node.tier}
        options={ENUMS.AwardRuleTier}
        enumName="AwardRuleTier"
        onChange={(tier) => onChange({ ...node, tier })}
        width={240}
      />
      <Choice
        label={translate('awards.rule.inYear')}
        value={node.inYear}
        options={ENUMS.AwardRecognitionWindow}
        enumName="AwardRecognitionWindow"
        onChange={(v) => onChange({ ...node, inYear: v as Recognised['inYear'] })}
      />
      {node.inYear === 'YEAR' && (
        <NumberBox label={translate('awards.rule.year')} value={node.year} onChange={(year) => onChange({ ...node, year })} width={110} />
      )}
    </Stack>
  );
}

function ContributionEditor({ node, onChange }: { node: Contribution; onChange: (n: Contribution) => void }) {
  const translate = useTranslate();
  const set = (patch: Partial<Contribution>) => onChange({ ...node, ...patch });
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Choice
          label={translate('awards.rule.scope')}
          value={node.scope}
          options={ENUMS.ContributionScope}
          enumName="ContributionScope"
          onChange={(v) => set({ scope: v as Contribution['scope'] })}
        />
        <NumberBox label={translate('awards.rule.minVnd')} value={node.minVnd} vnd onChange={(minVnd) => set({ minVnd })} width={200} />
        {node.scope === 'MOBILISED' && (
          <NumberBox
            label={translate('awards.rule.ownMinVnd')}
            value={node.ownMinVnd}
            vnd
            onChange={(ownMinVnd) => set({ ownMinVnd })}
            width={240}
          />
        )}
      </Stack>
      <ClassThresholds label={translate('awards.rule.byClass')} list={node.byClass} vnd onChange={(byClass) => set({ byClass })} />
      {node.scope === 'MOBILISED' && (
        <ClassThresholds
          label={translate('awards.rule.byClassOwn')}
          list={node.byClassOwnMinVnd}
          vnd
          onChange={(byClassOwnMinVnd) => set({ byClassOwnMinVnd })}
        />
      )}
    </Stack>
  );
}

function PreconditionEditor({ node, onChange }: { node: Precondition; onChange: (n: Precondition) => void }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1}>
      <TextField
        size="small"
        fullWidth={false}
        label={translate('awards.rule.key')}
        value={node.key}
        onChange={(e) => onChange({ ...node, key: e.target.value.toUpperCase() })}
        sx={{ minWidth: { xs: '100%', sm: 300 } }}
      />
      <TextField
        size="small"
        fullWidth={false}
        label={translate('awards.rule.label')}
        value={node.label}
        onChange={(e) => onChange({ ...node, label: e.target.value })}
        sx={{ flex: 1 }}
      />
    </Stack>
  );
}

function NodeEditor({
  node,
  onChange,
  onRemove,
  depth,
  path,
}: {
  node: RuleNode;
  onChange: (n: RuleNode) => void;
  onRemove?: () => void;
  depth: number;
  path: string;
}) {
  const translate = useTranslate();
  const remove = onRemove && (
    <IconButton size="small" aria-label={translate('awards.rule.remove')} onClick={onRemove}>
      <DeleteIcon fontSize="small" />
    </IconButton>
  );
  if (node.kind === 'all' || node.kind === 'any') {
    const group = node as Group;
    return (
      <Paper
        variant="outlined"
        data-rule-path={path}
        sx={{
          p: 1.5,
          borderLeft: 4,
          borderLeftColor: group.kind === 'all' ? 'primary.main' : 'secondary.main',
          bgcolor: depth % 2 ? 'action.hover' : undefined,
        }}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <ToggleButtonGroup size="small" exclusive value={group.kind} onChange={(_, kind) => kind && onChange({ ...group, kind })}>
            <ToggleButton value="all">{translate('awards.rule.all')}</ToggleButton>
            <ToggleButton value="any">{translate('awards.rule.any')}</ToggleButton>
          </ToggleButtonGroup>
          <Box sx={{ flex: 1 }} />
          {remove}
        </Stack>
        <Stack spacing={1}>
          {group.children.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              {translate('awards.rule.empty')}
            </Typography>
          )}
          {group.children.map((child, i) => (
            <NodeEditor
              key={i}
              node={child}
              depth={depth + 1}
              path={`${path}.${group.kind}[${i}]`}
              onChange={(n) => onChange({ ...group, children: group.children.map((c, j) => (j === i ? n : c)) })}
              onRemove={() => onChange({ ...group, children: group.children.filter((_, j) => j !== i) })}
            />
          ))}
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
          {CONDITION_KINDS.map((kind) => (
            <Button
              key={kind}
              size="small"
              startIcon={<AddIcon />}
              onClick={() => onChange({ ...group, children: [...group.children, newNode(kind)] })}
            >
              {translate(`awards.rule.kinds.${kind}`)}
            </Button>
          ))}
          {depth < 5 && (
            <Button
              size="small"
              startIcon={<AddIcon />}
              onClick={() => onChange({ ...group, children: [...group.children, newNode('any')] })}
            >
              {translate('awards.rule.addGroup')}
            </Button>
          )}
        </Stack>
      </Paper>
    );
  }
  const editors: Record<string, ReactNode> = {
    newlyMetCriteria: <NewlyMetEditor node={node as NewlyMet} onChange={onChange} />,
    recognisedTier: <RecognisedEditor node={node as Recognised} onChange={onChange} />,
    contribution: <ContributionEditor node={node as Contribution} onChange={onChange} />,
    precondition: <PreconditionEditor node={node as Precondition} onChange={onChange} />,
  };
  return (
    <Paper variant="outlined" data-rule-path={path} data-condition={node.kind} sx={{ p: 1.5 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {translate(`awards.rule.kinds.${node.kind}`)}
        </Typography>
        {remove}
      </Stack>
      {editors[node.kind]}
    </Paper>
  );
}

/**
 * The rule builder, a form input: nested all/any groups of typed conditions. Its value (`ruleTree`) starts from the
 * stored rule; the create/edit pages turn it into the API's `RuleInput` when saving.
 */
export function RuleBuilderInput() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { field } = useInput({ source: 'ruleTree', defaultValue: record?.rule ? fromStored(record.rule) : null });
  const tree = field.value as RuleNode | null;
  return (
    <Box data-testid="rule-builder" sx={{ width: '100%', my: 1 }}>
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {translate('resources.awardStandards.fields.rule')}
      </Typography>
      {tree ? (
        <>
          <NodeEditor node={tree} depth={0} path="rule" onChange={(n) => field.onChange(n)} />
          <Button size="small" color="warning" sx={{ mt: 1 }} onClick={() => field.onChange(null)}>
            {translate('awards.rule.clear')}
          </Button>
        </>
      ) : (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" color="text.secondary">
            {translate('resources.awardStandards.noRule')}
          </Typography>
          <Button variant="outlined" startIcon={<AddIcon />} onClick={() => field.onChange(newNode('all'))}>
            {translate('awards.rule.create')}
          </Button>
        </Stack>
      )}
    </Box>
  );
}

/** A stored rule in words, groups nested. */
export function RuleView({ rule }: { rule: Json | null | undefined }) {
  const translate = useTranslate();
  const format = useFormat();
  const criterion = useCriterionName();
  if (!rule)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.awardStandards.noRule')}
      </Typography>
    );
  const context = { translate, vnd: format.vnd, criterion };
  const render = (node: RuleNode, key: number | string): ReactNode => {
    if (node.kind === 'all' || node.kind === 'any') {
      return (
        <li key={key}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {translate(`awards.rule.${node.kind}`)}:
          </Typography>
          <ul style={{ margin: 0, paddingLeft: 20 }}>{node.children.map((c, i) => render(c, i))}</ul>
        </li>
      );
    }
    const [first, ...rest] = describeCondition(node as Exclude<RuleNode, Group>, context);
    return (
      <li key={key}>
        <Typography variant="body2">{first}</Typography>
        {rest.length > 0 && (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {rest.map((line, i) => (
              <li key={i}>
                <Typography variant="body2" color="text.secondary">
                  {line}
                </Typography>
              </li>
            ))}
          </ul>
        )}
      </li>
    );
  };
  return (
    <ul data-testid="rule-view" style={{ margin: 0, paddingLeft: 20 }}>
      {render(fromStored(rule), 'root')}
    </ul>
  );
}
