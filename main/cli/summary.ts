import type { RunSummary } from '../../core/run/types.ts';

/** The one line `yieldscope record` prints: `producer.py: 1,234 events, status ok, 0.42 s → producer.ystrace (12.3 KB)`. */
export function summaryLine(
  program: string,
  summary: RunSummary,
  events: number,
  file: string,
  bytes: number,
): string {
  const why = summary.message ? ` (${summary.message.trim().split('\n')[0]})` : '';
  const size = bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
  return (
    `${program}: ${events.toLocaleString('en-US')} events, status ${summary.status}${why}, ` +
    `${(summary.wallMs / 1000).toFixed(2)} s → ${file} (${size})`
  );
}
