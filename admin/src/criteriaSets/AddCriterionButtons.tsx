import type { FieldValues } from 'react-hook-form';
import AddIcon from '@mui/icons-material/Add';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import { NumberInput, SelectInput, TextInput, minValue, number, required } from 'react-admin';
import { DialogButton } from '../common/DialogButton';
import { useHub } from '../common/useHub';
import { EnumInput } from '../common/EnumInput';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** Adds a criterion to a root set (a derived set inherits its criteria, so it is offered only on root sets). */
export function AddCriterionButton({ setId, nextNumber }: { setId: string; nextNumber: number }) {
  const hub = useHub();
  return (
    <DialogButton
      keys="resources.criteriaSets.addCriterion"
      icon={<AddIcon />}
      testId="add-criterion"
      done="resources.criteriaSets.added"
      defaultValues={{ number: nextNumber }}
      save={(v) =>
        hub.addCriterion({
          criteriaSetId: setId,
          number: Number(v.number),
          nameVi: v.nameVi.trim(),
          nameEn: text(v.nameEn),
          source: text(v.source),
        })
      }
    >
      <NumberInput
        source="number"
        label="resources.criteriaSets.addCriterion.number"
        validate={[required(), number(), minValue(1)]}
        step={1}
      />
      <TextInput source="nameVi" label="resources.criteriaSets.addCriterion.nameVi" validate={required()} fullWidth />
      <TextInput source="nameEn" label="resources.criteriaSets.addCriterion.nameEn" fullWidth />
      <TextInput source="source" label="app.source" fullWidth />
    </DialogButton>
  );
}

/** An indicator's code must read "<criterion number>.x", as the API requires. */
const codeOfCriterion = (value: string | undefined, values: FieldValues) =>
  value && values.criterionNumber && !value.trim().startsWith(`${values.criterionNumber}.`)
    ? { message: 'resources.criteriaSets.addIndicator.codePrefix', args: { number: values.criterionNumber } }
    : undefined;

/** Adds an indicator to one of the set's criteria; a derived set adds its own indicators to inherited criteria. */
export function AddIndicatorButton({ setId, criteria }: { setId: string; criteria: { number: number; name: string }[] }) {
  const hub = useHub();
  return (
    <DialogButton
      keys="resources.criteriaSets.addIndicator"
      icon={<PlaylistAddIcon />}
      testId="add-indicator"
      done="resources.criteriaSets.added"
      defaultValues={{ comparator: 'GTE' }}
      save={(v) =>
        hub.addIndicator({
          criteriaSetId: setId,
          criterionNumber: Number(v.criterionNumber),
          code: v.code.trim(),
          nameVi: v.nameVi.trim(),
          nameEn: text(v.nameEn),
          unitOfMeasure: text(v.unitOfMeasure),
          comparator: v.comparator,
          source: text(v.source),
        })
      }
    >
      <SelectInput
        source="criterionNumber"
        label="resources.criteriaSets.addIndicator.criterion"
        validate={required()}
        fullWidth
        translateChoice={false}
        choices={criteria.map((c) => ({ id: c.number, name: `${c.number}. ${c.name}` }))}
      />
      <TextInput source="code" label="resources.criteriaSets.addIndicator.code" validate={[required(), codeOfCriterion]} />
      <TextInput source="nameVi" label="resources.criteriaSets.addIndicator.nameVi" validate={required()} fullWidth multiline />
      <TextInput source="nameEn" label="resources.criteriaSets.addIndicator.nameEn" fullWidth />
      <TextInput source="unitOfMeasure" label="resources.criteriaSets.addIndicator.unitOfMeasure" />
      <EnumInput
        source="comparator"
        label="resources.criteriaSets.addIndicator.comparator"
        enumName="IndicatorComparator"
        validate={required()}
      />
      <TextInput source="source" label="app.source" fullWidth />
    </DialogButton>
  );
}
