import type { EventBatch } from '../../../core/trace/batch.ts';
import { FIELD_COLUMNS, KIND_CODE, NULL_INT, type EventKind } from '../../../core/trace/schema.ts';

/**
 * The producer/consumer lesson scaled up, generated directly in columnar form: a producer fills a
 * deque(maxlen=10) and yields, a consumer drains it, prints and yields, under a coordinator in main.
 * For the bench and the views' dev page, where a million events are needed without running Python.
 */
export function producerConsumerBatches(events: number, batchSize = 65_536): EventBatch[] {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const str = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      ids.set(s, id);
    }
    return id;
  };
  const t = new Float64Array(events);
  const kind = new Uint8Array(events);
  const obj = new Int32Array(events);
  const line = new Int32Array(events);
  const f = new Int32Array(events * FIELD_COLUMNS).fill(NULL_INT);
  let n = 0;
  let now = 0;
  const emit = (k: EventKind, o: number, ln: number, ...fields: number[]) => {
    if (n >= events) return;
    now += 200 + ((n * 7919) % 300);
    t[n] = now;
    kind[n] = KIND_CODE[k];
    obj[n] = o;
    line[n] = ln;
    fields.forEach((v, c) => (f[n * FIELD_COLUMNS + c] = v));
    n++;
  };
  const BUF = 1;
  const PRODUCER = 2;
  const CONSUMER = 3;
  emit('run.start', NULL_INT, 0, str('3.14'), str('producer_consumer.py'), str('{}'));
  emit('deque.create', BUF, 3, 10, str('[]'), str('buffer'));
  emit('gen.create', PRODUCER, 14, str('producer'), str('generator'));
  emit('gen.create', CONSUMER, 15, str('consumer'), str('generator'));
  let item = 0;
  while (n < events - 1) {
    emit('gen.resume', PRODUCER, 17, 0, str('next'), NULL_INT);
    for (let k = 0; k < 10; k++) {
      emit('line', PRODUCER, 6, ...[]);
      emit('deque.op', BUF, 6, str('append'), str(String(item++)), NULL_INT, NULL_INT, k + 1);
    }
    emit('gen.yield', PRODUCER, 7, str('None'));
    emit('gen.resume', CONSUMER, 18, 0, str('next'), NULL_INT);
    for (let k = 0; k < 10; k++) {
      emit('deque.op', BUF, 10, str('popleft'), NULL_INT, str(String(item - 10 + k)), NULL_INT, 9 - k);
      emit('stdout', CONSUMER, 11, str(`consumed ${item - 10 + k}\n`));
    }
    emit('gen.yield', CONSUMER, 12, str('None'));
  }
  emit('run.end', NULL_INT, 0, str('ok'), NULL_INT);
  const batches: EventBatch[] = [];
  let stringsSent = 0;
  for (let first = 0; first < n; first += batchSize) {
    const count = Math.min(batchSize, n - first);
    const end = first + count;
    let maxString = stringsSent;
    for (let i = first * FIELD_COLUMNS; i < end * FIELD_COLUMNS; i++)
      if (f[i] !== NULL_INT && f[i] >= maxString) maxString = f[i] + 1;
    batches.push({
      first,
      count,
      t: t.slice(first, end),
      kind: kind.slice(first, end),
      obj: obj.slice(first, end),
      line: line.slice(first, end),
      f: f.slice(first * FIELD_COLUMNS, end * FIELD_COLUMNS),
      stringBase: stringsSent,
      strings: strings.slice(stringsSent, maxString),
    });
    stringsSent = maxString;
  }
  return batches;
}
