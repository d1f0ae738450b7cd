/**
 * Recorded values are bounded, safe reprs made by the probe. One kind is recognisable: a generator,
 * coroutine or async generator the run has an id for reads `<KIND NAME #ID>` (`<generator task #5>`),
 * ID being its `obj` in the trace, so a deque slot or a yielded value holding it is that object: its
 * lane, its frame.
 */

export interface ObjectRef {
  kind: 'generator' | 'coroutine' | 'async generator';
  name: string;
  obj: number;
}

const REF = /^<(generator|coroutine|async generator) (\S+) #(\d+)>$/;

/** The object a recorded value names, or null for any other value. */
export function objectRef(value: string): ObjectRef | null {
  const match = REF.exec(value);
  return match ? { kind: match[1] as ObjectRef['kind'], name: match[2], obj: Number(match[3]) } : null;
}
