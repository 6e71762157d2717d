import type { KeyboardEvent } from 'react';

/**
 * Spreadsheet-style movement between the inputs of a grid: each input carries `data-row` and `data-col` (numbers) and
 * the grid is the closest `[data-grid]`. Enter and ↓ go down, Shift+Enter and ↑ up, ← and → across when the caret is
 * at the edge of the text. Moving away from an input commits it (its blur handler saves).
 */
export function onGridKeyDown(event: KeyboardEvent<HTMLElement>): void {
  const input = event.target as HTMLInputElement;
  const row = Number(input.dataset.row);
  const col = Number(input.dataset.col);
  if (!Number.isFinite(row) || !Number.isFinite(col)) return;
  // A checkbox has no caret: ← and → always move.
  const caret = input.type === 'checkbox' ? null : input.selectionStart;
  const atStart = caret === null || (caret === 0 && input.selectionEnd === 0);
  const atEnd = caret === null || caret === input.value.length;
  const step: Record<string, [number, number] | undefined> = {
    ArrowDown: [1, 0],
    ArrowUp: [-1, 0],
    Enter: event.shiftKey ? [-1, 0] : [1, 0],
    ArrowLeft: atStart ? [0, -1] : undefined,
    ArrowRight: atEnd ? [0, 1] : undefined,
  };
  const move = step[event.key];
  if (!move) return;
  const grid = input.closest('[data-grid]');
  const cells = [...(grid?.querySelectorAll<HTMLInputElement>('input[data-row][data-col]') ?? [])];
  // The nearest cell in that direction (rows or columns may have gaps, e.g. read-only cells).
  const candidates = cells.filter((c) =>
    move[0]
      ? Number(c.dataset.col) === col && Math.sign(Number(c.dataset.row) - row) === move[0]
      : Number(c.dataset.row) === row && Math.sign(Number(c.dataset.col) - col) === move[1],
  );
  const distance = (c: HTMLInputElement) => Math.abs(Number(c.dataset.row) - row) + Math.abs(Number(c.dataset.col) - col);
  const next = candidates.sort((a, b) => distance(a) - distance(b))[0];
  event.preventDefault();
  if (next) {
    next.focus();
    if (next.type !== 'checkbox') next.select();
  } else if (event.key === 'Enter') {
    input.blur();
  }
}
