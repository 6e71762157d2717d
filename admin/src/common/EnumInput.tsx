import { SelectInput, type SelectInputProps } from 'react-admin';
import { enumChoices, type EnumName } from './enums';

type Props = Omit<SelectInputProps, 'choices'> & { enumName: EnumName; only?: readonly string[] };

/** A select of one of the API's enums, each value in the reader's language (`enums.<Enum>.<VALUE>`); `only` offers some. */
export function EnumInput({ enumName, only, ...input }: Props) {
  return <SelectInput {...input} choices={enumChoices(enumName, only)} />;
}
