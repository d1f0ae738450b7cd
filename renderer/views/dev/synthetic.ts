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
  // Made batch by batch, so a stream of millions of events never holds its columns twice.
  const batches: EventBatch[] = [];
  let batch: EventBatch | null = null;
  let stringsSent = 0;
  const seal = () => {
    if (!batch) return;
    batch.strings = strings.slice(stringsSent);
    stringsSent = strings.length;
    batches.push(batch);
    batch = null;
  };
  let n = 0;
  let now = 0;
  // Fields as parameters, not a rest array: this runs for every one of millions of events.
  const emit = (
    k: EventKind,
    o: number,
    ln: number,
    f0 = NULL_INT,
    f1 = NULL_INT,
    f2 = NULL_INT,
    f3 = NULL_INT,
    f4 = NULL_INT,
  ) => {
    if (n >= events) return;
    if (!batch) {
      const count = Math.min(batchSize, events - n);
      batch = {
        first: n,
        count,
        t: new Float64Array(count),
        kind: new Uint8Array(count),
        obj: new Int32Array(count),
        line: new Int32Array(count),
        f: new Int32Array(count * FIELD_COLUMNS),
        stringBase: stringsSent,
        strings: [],
      };
    }
    const at = n - batch.first;
    now += 200 + ((n * 7919) % 300);
    batch.t[at] = now;
    batch.kind[at] = KIND_CODE[k];
    batch.obj[at] = o;
    batch.line[at] = ln;
    const f = at * FIELD_COLUMNS;
    batch.f.set([f0, f1, f2, f3, f4], f);
    n++;
    if (at + 1 === batch.count) seal();
  };
  const BUF = 1;
  const PRODUCER = 2;
  const CONSUMER = 3;
  emit('run.start', NULL_INT, 0, str('3.14'), str('producer_consumer.py'), str('{}'));
  emit('deque.create', BUF, 3, 10, str('[]'), str('buffer'));
  emit('gen.create', PRODUCER, 14, str('producer'), str('generator'));
  emit('gen.create', CONSUMER, 15, str('consumer'), str('generator'));
  /** A string met once goes straight into the table, unlooked-up: most of the run's strings are. */
  const fresh = (s: string) => strings.push(s) - 1;
  // The buffer's items by slot: the consumer pops the very strings the producer appended.
  const held = new Int32Array(10);
  let item = 0;
  while (n < events - 1) {
    emit('gen.resume', PRODUCER, 17, 0, str('next'), NULL_INT);
    for (let k = 0; k < 10; k++) {
      emit('line', PRODUCER, 6);
      held[k] = fresh(String(item++));
      emit('deque.op', BUF, 6, str('append'), held[k], NULL_INT, NULL_INT, k + 1);
    }
    emit('gen.yield', PRODUCER, 7, str('None'));
    emit('gen.resume', CONSUMER, 18, 0, str('next'), NULL_INT);
    for (let k = 0; k < 10; k++) {
      emit('deque.op', BUF, 10, str('popleft'), NULL_INT, held[k], NULL_INT, 9 - k);
      emit('stdout', CONSUMER, 11, fresh(`consumed ${item - 10 + k}\n`));
    }
    emit('gen.yield', CONSUMER, 12, str('None'));
  }
  emit('run.end', NULL_INT, 0, str('ok'), NULL_INT);
  seal();
  return batches;
}
