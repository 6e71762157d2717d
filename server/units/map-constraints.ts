import { conflict } from '../shared/errors.js';

/** What each constraint of the map protects, in words a user can act on. */
const MESSAGES: Record<string, [string, string]> = {
  unit_code_one_unit_a_day: [
    'Mã đơn vị đã thuộc một đơn vị khác trong cùng thời gian',
    'The code is held by another unit during the same days',
  ],
  unit_village_name_one_a_day: [
    'Xã đã có thôn cùng tên trong cùng thời gian',
    'The commune has a village of that name during the same days',
  ],
};

/**
 * Runs a change of the map and turns a violation of the database's own guards — a code held twice on one day, two
 * villages of one name, a unit valid outside its parent (checked at commit) — into CONFLICT. The services check the
 * same rules first; these catch a race between two writers.
 */
export async function guardMap<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23P01') {
      const [vi, en] = MESSAGES[constraint ?? ''] ?? ['Dữ liệu trùng lặp theo thời gian', 'Overlapping periods'];
      throw conflict(vi, en);
    }
    if (code === '23514' && /outside its (parent|validity)|sub-unit outside/.test(String((error as Error).message))) {
      throw conflict(
        'Một đơn vị sẽ có hiệu lực ngoài thời gian của đơn vị cấp trên',
        "A unit would be valid outside its parent's validity",
      );
    }
    throw error;
  }
}
