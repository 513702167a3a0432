// Map labels that never collide: each label is a box at its area's anchor; boxes are accepted largest
// area first, and a box that overlaps one already placed, leaves the frame, or is wider or taller than its
// own area is left out (the table names every area). Greedy and deterministic, so a snapshot is stable.

export interface LabelBox {
  key: string;
  /** Centre of the label. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The projected size of the label's area: a label larger than its area does not fit. */
  room: {width: number; height: number};
  /** Larger first: usually the area's projected size. */
  priority: number;
}

const overlaps = (a: LabelBox, b: LabelBox, gap: number) =>
  Math.abs(a.x - b.x) * 2 < a.width + b.width + gap * 2 && Math.abs(a.y - b.y) * 2 < a.height + b.height + gap * 2;

/** The keys of the labels that fit, in a frame of *width* × *height*. */
export function placeLabels(
  boxes: readonly LabelBox[],
  {width, height, gap = 2}: {width: number; height: number; gap?: number}
): Set<string> {
  const placed: LabelBox[] = [];
  for (const box of [...boxes].sort((a, b) => b.priority - a.priority || a.key.localeCompare(b.key))) {
    const inFrame =
      box.x - box.width / 2 >= 0 &&
      box.x + box.width / 2 <= width &&
      box.y - box.height / 2 >= 0 &&
      box.y + box.height / 2 <= height;
    const fitsArea = box.width <= box.room.width && box.height <= box.room.height;
    if (inFrame && fitsArea && !placed.some((other) => overlaps(box, other, gap))) placed.push(box);
  }
  return new Set(placed.map((box) => box.key));
}

/** A label's box from its lines of text, estimated from the font size (no layout engine in a loader or test). */
export function textBox(lines: readonly string[], fontSize: number): {width: number; height: number} {
  return {
    width: Math.max(...lines.map((line) => line.length)) * fontSize * 0.58,
    height: lines.length * fontSize * 1.15
  };
}
