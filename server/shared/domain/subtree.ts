/**
 * Cây đơn vị — containment in the unit hierarchy, read from materialised paths of unit ids ("1.1100056.1200568",
 * the nation first), the same test as PostgreSQL's `path <@ ancestor`.
 */

/** Whether `path` lies in the subtree rooted at `ancestorPath` (the ancestor itself included). */
export const isWithinPath = (path: string, ancestorPath: string): boolean => path === ancestorPath || path.startsWith(`${ancestorPath}.`);

/** Whether a unit lies in the subtree of another (itself included). */
export const isWithin = (unit: { path: string }, ancestor: { path: string }): boolean => isWithinPath(unit.path, ancestor.path);

/** Whether a unit lies strictly below another. */
export const isStrictlyBelow = (unit: { path: string }, ancestor: { path: string }): boolean =>
  unit.path !== ancestor.path && isWithin(unit, ancestor);

/** The ids on a path, the nation first. */
export const pathIds = (path: string): number[] => path.split('.').map(Number);

/** How far below the root a unit lies on `path` (the root 0), or -1 when `id` is not on it. */
export const depthOn = (path: string, id: number): number => pathIds(path).indexOf(id);
