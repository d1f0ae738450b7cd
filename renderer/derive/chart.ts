/**
 * A lesson's chart, drawn from what the program printed: each printed line that matches the
 * chart's pattern is one point (a series, an x and a y), remembered with the event that printed
 * it, so the chart at the cursor shows only the points printed by then.
 */
import type { LessonChart } from '../../core/session/lesson.ts';
import type { TraceIndex } from './index.ts';

export interface ChartPoint {
  x: number | string;
  y: number;
  /** The event that printed the point. */
  seq: number;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

/** The chart's series, in the order the program first printed them; points up to event `seq`. */
export function chartData(
  index: TraceIndex,
  chart: Pick<LessonChart, 'output'>,
  seq = Infinity,
): ChartSeries[] {
  const pattern = new RegExp(chart.output);
  const console = index.console;
  const series = new Map<string, ChartPoint[]>();
  for (const line of console.lines(0, console.countAt(seq), seq)) {
    const groups = pattern.exec(line.text)?.groups;
    if (!groups) continue;
    const y = Number(groups.y);
    if (!Number.isFinite(y)) continue;
    const x = groups.x === undefined ? '' : Number.isFinite(Number(groups.x)) ? Number(groups.x) : groups.x;
    const name = groups.series ?? '';
    const points = series.get(name) ?? [];
    points.push({ x, y, seq: line.seq });
    series.set(name, points);
  }
  return [...series].map(([name, points]) => ({ name, points }));
}
