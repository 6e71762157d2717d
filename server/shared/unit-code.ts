/**
 * Unit codes. Units from the GSO list carry its digits ("56" a province, "574" a district, "22384" a commune; "VN"
 * the nation). Villages have no GSO code: the hub gives each one `<commune code>-<number>` ("02287-003"), the
 * commune being the one it was created in; the dash keeps it apart from every GSO code, and a village keeps its code
 * when a reorganisation moves it to another commune.
 */
export const GSO_CODE = /^(VN|\d{1,10})$/;
export const VILLAGE_CODE = /^\d{2,5}-\d{3,4}$/;

/** Whether a text can name a unit at all (so a lookup need not ask the units subgraph). */
export const isUnitCode = (code: string): boolean => GSO_CODE.test(code) || VILLAGE_CODE.test(code);

/** The code of a commune's `n`-th village ("02287", 3 → "02287-003"). */
export const villageCode = (communeCode: string, n: number): string => `${communeCode}-${String(n).padStart(3, '0')}`;
