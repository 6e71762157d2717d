import MilitaryTechIcon from '@mui/icons-material/MilitaryTech';
import { DataTable, List } from 'react-admin';
import { EnumText } from '../common/fields';

/** The award form catalogue, highest conferring authority first (the API's order). */
function AwardFormList() {
  return (
    <List pagination={false} perPage={100} exporter={false}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="rank" disableSort />
        <DataTable.Col source="authority" disableSort><EnumText source="authority" enumName="AwardAuthority" chip /></DataTable.Col>
        <DataTable.Col source="nameVi" disableSort />
        <DataTable.Col source="nameEn" disableSort />
        <DataTable.Col source="classes" disableSort render={(r) => r.classes.join(', ')} />
        <DataTable.Col source="source" disableSort />
      </DataTable>
    </List>
  );
}

export default { list: AwardFormList, icon: MilitaryTechIcon, recordRepresentation: 'nameVi' };
