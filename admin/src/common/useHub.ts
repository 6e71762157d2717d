import { useDataProvider } from 'react-admin';
import type { HubDataProvider } from '../dataProvider';

/** The data provider with the hub's custom methods (see `HubDataProvider`): every page's way to the API. */
export const useHub = () => useDataProvider<HubDataProvider>();
