import type { TraceEvent } from '../../core/trace/schema.ts';
import { formatTick } from './timeline-axis.ts';

/** Fields that name an object: shown with the object's name beside its number. */
const OBJECT_FIELDS = new Set(['obj', 'by', 'target']);

/**
 * What the timeline's hover tooltip lists for an event, below its "#seq kind" title: every other
 * field that has a value, the time as wall-clock time, objects by name.
 */
export function eventDetails(
  event: TraceEvent,
  nameOf: (obj: number) => string | null,
): { field: string; text: string }[] {
  return Object.entries(event)
    .filter(([field, v]) => field !== 'seq' && field !== 'kind' && v !== null && v !== undefined)
    .map(([field, v]) => ({
      field,
      text:
        field === 't'
          ? formatTick('wall', Number(v))
          : OBJECT_FIELDS.has(field)
            ? `${nameOf(Number(v)) ?? ''} (${v})`
            : String(v),
    }));
}
