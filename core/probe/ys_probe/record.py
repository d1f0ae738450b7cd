"""The recorder's hot path: the event columns, string table, object ids, the pause gate, and the
sys.monitoring callbacks for the user's code objects.

Events go into plain lists (appending to a list is the cheapest call there is in Pyodide, where
most calls into C cost far more) and reach JS as compact arrays at each flush (core/run/decode.ts):
  E  int64 per event: kind | TIMED<<7 | line<<8 | obj<<32
  T  float64 seconds on the run's clock (t0 on; skip_clock leaves set-up and pauses out), one per
     event whose TIMED bit is set
  F  int32, exactly as many per event as its kind has fields (FIELD_COUNT), flat: the hot
     callbacks append one int or extend by a short tuple instead of building a padded tuple
Which generator is running is left to the decoder, which follows it from the order of events (every
gen.resume starts one, every gen.yield/return/raise and a gen.close from inside leaves it): the probe
records line events and a generator's leaving with obj RUNNING, and gen.resume without its `by`, so
the hottest callbacks keep no stack and mostly append small ints.
Events skip the clock (reading it costs more than the rest of the event in WebAssembly): tick()
stamps the event it runs at, the events before it take the time of the stamp before them (the
decoder carries it forward). tick() runs at every event while events are sparse, every TICK events
while they are dense, and flush() stamps the last event of every batch.
All module globals: the callbacks read them as fast global lookups.
"""

import sys
import time
import weakref
from array import array

NULL = -2147483648
MAIN = 0
TIMED = 128
TICK = 32
DENSE = 20e-6  # seconds per event below which events count as dense (stamped every TICK events)

K_RUN_START, K_RUN_END, K_LINE, K_STDOUT, K_STDERR, K_ERROR = 0, 1, 2, 3, 4, 5
K_GEN_CREATE, K_GEN_RESUME, K_GEN_YIELD, K_GEN_RETURN, K_GEN_RAISE, K_GEN_CLOSE = 6, 7, 8, 9, 10, 11
K_ITER_CREATE, K_ITER_NEXT, K_ITER_STOP = 12, 13, 14
K_DEQUE_CREATE, K_DEQUE_OP = 15, 16
K_CTX_ENTER, K_CTX_EXIT = 17, 18
K_SCHED_PICK = 20
RUNNING = 0  # obj of an event about whichever generator is running: the decoder fills it in
#: how many fields each kind has, by kind code; must match core/trace/schema.ts (the decoder
#: refuses a flush whose field count disagrees); gen.resume's first field, `by`, is the decoder's
FIELD_COUNT = (5, 2, 0, 1, 1, 4, 2, 2, 1, 1, 2, 0, 3, 1, 1, 3, 5, 2, 2, 4, 1, 3, 1, 2, 2, 1, 1, 5)
SWITCH_KINDS = frozenset((K_GEN_RESUME, K_SCHED_PICK))

TOOL = 4  # a sys.monitoring tool id nobody else in the interpreter uses
_M = sys.monitoring
_EV = _M.events
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200
_AWAITING = CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR


class RunLimit(BaseException):
    """The run hit one of its limits; raised into user code, recorded as run.end status limit."""


class RunStopped(BaseException):
    """The host stopped the run while it was paused."""


# ---- run state (reset by start()) ----
E = []
T = []
F = []  # the fields of every event, flat
n = 0  # events recorded
nc = 1  # event count at which tick() runs next
stride = 1  # events between ticks: 1 while events are sparse (each stamped), TICK while dense
last_tick = 0.0
last_tick_n = 0
t0 = 0.0
last_flush = 0.0
max_events = 5_000_000
strs = {}
via_ids = {}  # how a generator was resumed -> its string index, this run
int_ids = {}  # an int -> the string index of its repr, this run
SHORT_INT = 10**15  # ints with a repr this short (far below the int-to-str digit limit) go in int_ids
new_strs = []
string_base = 0
flushed = 0
sink = None  # JS function receiving each flush
waiter = None  # JS function told the event count it holds at; blocks until the host's next action, returns it
gate = 0  # 0 open, 1 stop at every event, 2 stop at the next switch
limit_message = None
held = None  # what ended the run while JS recorded an event, raised again at the next event
held_at = -1  # the event count at the last pause: a step goes on from there, never holds there again

next_obj = 1
ids = {}  # id(obj) -> object id, entries removed when the object dies
_refs = {}  # id(obj) -> weakref (or the object itself when it takes no weakref)
exhausted = set()  # object ids of iterators that raised StopIteration
frames = {}  # a generator's frame -> its object id (reading frame.f_generator is slow)
_frame_keys = {}  # id(generator) -> its frame, to forget the frame when the generator dies
_dead_frames = []
_lines = {}  # code -> line of each instruction

pending_via = None
pending_value = NULL
closed_during = None  # object id of a generator whose gen.close was just recorded

user_codes = set()
gen_codes = set()
_code_bytes = {}

clock = time.perf_counter
_getframe = sys._getframe

import dis as _dis

_OP_FOR_ITER = _dis.opmap['FOR_ITER']
_OP_SEND = _dis.opmap['SEND']
del _dis


def start(send_batch, wait_for_host, limit):
    """Resets the recorder for a new run."""
    global E, T, F, n, nc, t0, last_flush, max_events, strs, via_ids, int_ids, new_strs, string_base, flushed, sink, waiter
    global gate, limit_message, held, held_at, next_obj, ids, _refs, exhausted, frames
    global pending_via, pending_value, closed_during, stride, last_tick, last_tick_n
    E, T, F = [], [], []
    n = 0
    max_events = limit
    stride = 1
    nc = min(stride, max_events)
    t0 = clock()
    last_tick = t0
    last_tick_n = 0
    last_flush = t0
    strs = {}
    via_ids = {}
    int_ids = {}
    new_strs = []
    string_base = 0
    flushed = 0
    sink = send_batch
    waiter = wait_for_host
    gate = 0
    limit_message = None
    held = None
    held_at = -1
    next_obj = 1
    ids = {}
    _refs = {}
    exhausted = set()
    frames = {}
    _frame_keys.clear()
    _dead_frames.clear()
    pending_via = None
    pending_value = NULL
    closed_during = None


def s(text):
    """The string-table index of text (None stays null)."""
    if text is None:
        return NULL
    i = strs.get(text)
    if i is None:
        i = strs[text] = len(strs)
        new_strs.append(text)
    return i


def _hold(exc):
    global held, nc
    held = exc
    nc = n  # the next event ticks, and tick raises it


def raise_held():
    """Raises what ended the run while JS was recording an event (a stop, the event limit)."""
    global held
    if held is not None:
        exc, held = held, None
        raise exc


def s_from_js(text):
    """s() for JS: a Python exception must never unwind into JS that called Python (it has crashed
    V8 in optimized code), so what s() raises is held for the next event and text stays null."""
    try:
        return s(text)
    except BaseException as exc:  # noqa: BLE001 - held, raised again by the next event
        _hold(exc)
        return NULL


def emit_from_js(kind, obj, line, a=NULL, b=NULL, c=NULL, d=NULL, e=NULL):
    """emit() for JS (RunContext.emit): never raises, as s_from_js; records nothing once the run
    is ending."""
    if held is not None:
        return
    try:
        emit(kind, obj, line, a, b, c, d, e)
    except BaseException as exc:  # noqa: BLE001 - held, raised again by the next event
        _hold(exc)


def new_id():
    global next_obj
    i = next_obj
    next_obj += 1
    return i


def _forget(key):
    def gone(_ref):
        ids.pop(key, None)
        _refs.pop(key, None)
        frame = _frame_keys.pop(key, None)
        if frame is not None:
            # weakref callbacks run before a dying generator is closed: keep its frame known
            # until that close has been recorded (the next tick)
            _dead_frames.append(frame)

    return gone


def oid(obj):
    """The run's small id for obj, assigned on first sight (an identity map that forgets dead objects)."""
    key = id(obj)
    i = ids.get(key)
    if i is None:
        i = ids[key] = new_id()
        try:
            _refs[key] = weakref.ref(obj, _forget(key))
        except TypeError:
            _refs[key] = obj  # no weakref support: keep it alive so its id is never reused
    return i


def known(obj):
    return ids.get(id(obj))


def emit(kind, obj, line, a=NULL, b=NULL, c=NULL, d=NULL, e=NULL):
    """Appends one event; field values are already ints (use s() for strings). Untimed: tick()
    stamps the clock."""
    global n
    n += 1
    E.append(kind | line << 8 | obj << 32)
    count = FIELD_COUNT[kind]
    if count:
        F.extend((a, b, c, d, e)[:count])
    if n >= nc:
        tick(kind)


def emit_value(kind, obj, line, value):
    """emit() for the commonest events, those with one field, a value (iter.next)."""
    global n
    vi = int_ids.get(value) if value.__class__ is int else None
    if vi is None:
        vi = sv(value)
    n += 1
    E.append(kind | line << 8 | obj << 32)
    F.append(vi)
    if n >= nc:
        tick(kind)


def tick(kind):
    """Runs every `stride` events, and at every event while the gate is closed. Stamps the clock on
    the event just recorded (the events before it keep the previous stamp): reading the clock costs
    more than recording an event, so while events come densely it is read every TICK events only."""
    global nc, limit_message, stride, last_tick, last_tick_n
    raise_held()
    now = clock()
    if E and not E[-1] & TIMED:
        E[-1] |= TIMED
        T.append(now - t0)
    stride = TICK if now - last_tick < DENSE * (n - last_tick_n) else 1
    last_tick = now
    last_tick_n = n
    if _dead_frames:
        for frame in _dead_frames:
            frames.pop(frame, None)
        _dead_frames.clear()
    if n >= max_events:
        limit_message = f'The program produced more than {max_events:,} events (the event limit).'
        nc = n + 1
        raise RunLimit(limit_message)
    if now - last_flush >= 0.05:
        flush()
    # a pause that struck inside this tick's flush has already held at this event
    if (gate == 1 or (gate == 2 and kind in SWITCH_KINDS)) and held_at != n:
        hold()
    _next_tick()


def skip_clock(since):
    """Leaves the time from `since` until now out of the run's clock, so the wall-clock timeline shows
    the program's own time: a pause, or the run's set-up (rewriting, compiling and instrumenting the
    program), would otherwise show as whatever ran last running all along. Times stay in order: the
    clock moves back to where it stood at `since`, or at the last stamp (tick, flush) if that is later."""
    global t0
    t0 += clock() - max(since, last_tick, last_flush)


def _next_tick():
    global nc
    # No call in here: a pause signal is handled at a call, and one handled inside this line would
    # set nc for a step (hold, _next_tick) before the line's own assignment undid it: the step then
    # went on to the next regular tick, up to TICK events on.
    nc = n + 1 if gate else (n + stride if n + stride < max_events else max_events)


_flushing = False


def flush():
    """Sends everything recorded since the last flush to JS. Events recorded meanwhile (a generator
    finalized by the garbage collector, a signal handler) go to fresh buffers and the next flush;
    if a KeyboardInterrupt strikes before the batch is sent, its events go back to be sent later.
    One that strikes just after it was handed over makes it look unsent too: the worker drops what
    it already delivered from the re-send (core/run/decode.ts, undelivered)."""
    global E, T, F, new_strs, string_base, flushed, last_flush, _flushing
    last_flush = clock()
    if _flushing or (not E and not new_strs):
        return
    if E and not E[-1] & TIMED:
        E[-1] |= TIMED
        T.append(last_flush - t0)
    n_events, n_strings = len(E), len(new_strs)
    # From here to the end of `finally`, nothing may call a function but sink(): a KeyboardInterrupt
    # is raised only at calls (and loops), and one between the two counters' updates made the next
    # flush restate this one's start, so the worker dropped its events as a re-send. One raised at
    # sink()'s line sends the buffers back.
    _flushing = True
    events, times, fields, strings = E, T, F, new_strs
    E, T, F, new_strs = [], [], [], []
    sent = False
    try:
        sink(flushed, n_events, array('q', events), array('d', times), array('i', fields), string_base, strings)
        sent = True
    finally:
        if sent:
            flushed = flushed + n_events
            string_base = string_base + n_strings
        else:
            E[:0] = events
            T[:0] = times
            F[:0] = fields
            new_strs[:0] = strings
        _flushing = False


ACT_RESUME, ACT_STEP_EVENT, ACT_STEP_SWITCH, ACT_STOP = 1, 2, 3, 4


def hold():
    """Blocks (in JS, Atomics.wait) until the host resumes, steps or stops the run; the time spent
    paused is left out of the run's clock. The host hears of a hold (waiter(n)) only once every event
    before it is sent: one asked for while a batch is being handed over (a pause signal at sink's
    call) holds at the next tick instead, which the flushing tick runs as soon as it is done."""
    global gate, nc, held_at
    if _flushing:
        gate = 1
        nc = n + 1
        return
    held_at = n
    flush()
    paused_at = clock()
    action = waiter(n)
    skip_clock(paused_at)
    if action == ACT_STOP:
        gate = 0
        raise RunStopped('stopped')
    gate = {ACT_RESUME: 0, ACT_STEP_EVENT: 1, ACT_STEP_SWITCH: 2}[action]
    _next_tick()


def on_pause_signal(_signum, _frame):
    """The host asked to pause: wait right here, even in a loop that records nothing."""
    hold()


# ---- monitoring callbacks ----


def _via(gen_code, caller):
    """How a generator of gen_code was resumed, read from the instruction its caller is executing."""
    code = caller.f_code if caller is not None else None
    if code in user_codes:
        op = _code_bytes.get(code)
        if op is None:
            op = _code_bytes[code] = code.co_code
        op = op[caller.f_lasti]
        if op == _OP_SEND:
            return 'await' if code.co_flags & _AWAITING else 'yield from'
        if op == _OP_FOR_ITER:
            return 'for'
    return 'send' if gen_code.co_flags & _AWAITING else 'next'


def _line_of(code, offset):
    """The source line of an instruction, from a table built once per code object (f_lineno is slow)."""
    table = _lines.get(code)
    if table is None:
        table = _lines[code] = [0] * (len(code.co_code) // 2 + 1)
        for start, end, line in code.co_lines():
            for i in range(start // 2, end // 2):
                table[i] = line or 0
    return table[offset >> 1]


def _push(frame, offset, via, value):
    global pending_via, pending_value
    code = frame.f_code
    o = frames.get(frame)
    if o is None:
        gen = frame.f_generator
        if gen is None:
            return
        o = register_gen(gen, _line_of(code, offset))
    if via is None:
        via = pending_via
        if via is None:
            via = _via(code, frame.f_back)
        else:
            pending_via = None
            if value == NULL:
                value = pending_value
            pending_value = NULL
    emit(K_GEN_RESUME, o, _line_of(code, offset), s(via), value)


def on_resume(code, offset):
    """PY_START / PY_RESUME of a generator or coroutine: the hottest callback, so it appends the
    event itself, untimed (tick() stamps the clock every TICK events: reading it costs more than
    the rest of the event)."""
    global pending_via, pending_value, n
    frame = _getframe(1)
    o = frames.get(frame)
    if o is None:
        _push(frame, offset, None, NULL)
        return
    via = pending_via
    if via is None:
        via = _via(code, frame.f_back)
        value = NULL
    else:
        value = pending_value
        pending_via = None
        pending_value = NULL
    vi = via_ids.get(via)
    if vi is None:
        vi = via_ids[via] = s(via)
    try:
        line = _lines[code][offset >> 1]
    except KeyError:
        line = _line_of(code, offset)
    n += 1
    E.append(K_GEN_RESUME | line << 8 | o << 32)
    F.extend((vi, value))
    if n >= nc:
        tick(K_GEN_RESUME)


def on_throw(code, offset, exc):
    global pending_via
    if code in gen_codes:
        pending_via = None
        _push(_getframe(1), offset, 'close' if type(exc) is GeneratorExit else 'throw', s(srepr(exc)))


def sv(value):
    """The string index of value's safe repr; an int's (the commonest value) is looked up first."""
    if value.__class__ is int and -SHORT_INT < value < SHORT_INT:
        i = int_ids.get(value)
        if i is None:
            i = int_ids[value] = s(repr(value))
        return i
    return s(srepr(value))


def on_yield(code, offset, value):
    """PY_YIELD: as hot as on_resume, and as lean."""
    global n
    try:
        line = _lines[code][offset >> 1]
    except KeyError:
        line = _line_of(code, offset)
    vi = int_ids.get(value) if value.__class__ is int else None
    if vi is None:
        vi = sv(value)
    n += 1
    E.append(K_GEN_YIELD | line << 8)
    F.append(vi)
    if n >= nc:
        tick(K_GEN_YIELD)


def on_return(code, offset, value):
    emit(K_GEN_RETURN, RUNNING, _line_of(code, offset), s(srepr(value)))


def on_unwind(code, offset, exc):
    global closed_during
    if code not in gen_codes:
        return
    frame = _getframe(1)
    if frame.f_generator is None:
        return
    line = frame.f_lineno or 0  # rare, and the unwinding offset may have no line of its own
    if type(exc) is GeneratorExit:
        closed_during = frames.get(frame)
        emit(K_GEN_CLOSE, RUNNING, line)
    else:
        emit(K_GEN_RAISE, RUNNING, line, s(type(exc).__name__), s(safe_str(exc)))


def on_line(code, line):
    global n
    n += 1
    E.append(line << 8 | K_LINE)
    if n >= nc:
        tick(K_LINE)


_GEN_KIND = {'generator': 'generator', 'coroutine': 'coroutine', 'async_generator': 'async generator'}


def _frame_of(gen):
    return getattr(gen, 'gi_frame', None) or getattr(gen, 'cr_frame', None) or getattr(gen, 'ag_frame', None)


def register_gen(gen, line):
    """Gives a generator/coroutine its id and records gen.create; its frame maps back to the id."""
    o = oid(gen)
    frame = _frame_of(gen)
    if frame is not None:
        frames[frame] = o
        _frame_keys[id(gen)] = frame
    emit(K_GEN_CREATE, o, line, s(gen.__qualname__), s(_GEN_KIND.get(type(gen).__name__, 'generator')))
    return o


def instrument(module_code):
    """Turns on events for module_code and every code object nested in it, and nothing else."""
    user_codes.clear()
    gen_codes.clear()
    todo = [module_code]
    while todo:
        c = todo.pop()
        user_codes.add(c)
        todo.extend(k for k in c.co_consts if type(k) is type(module_code))
    _M.use_tool_id(TOOL, 'yieldscope')
    _M.register_callback(TOOL, _EV.LINE, on_line)
    _M.register_callback(TOOL, _EV.PY_START, on_resume)
    _M.register_callback(TOOL, _EV.PY_RESUME, on_resume)
    _M.register_callback(TOOL, _EV.PY_YIELD, on_yield)
    _M.register_callback(TOOL, _EV.PY_RETURN, on_return)
    _M.register_callback(TOOL, _EV.PY_THROW, on_throw)
    _M.register_callback(TOOL, _EV.PY_UNWIND, on_unwind)
    gen_events = _EV.PY_START | _EV.PY_RESUME | _EV.PY_YIELD | _EV.PY_RETURN | _EV.LINE
    for c in user_codes:
        if c.co_flags & (0x20 | _AWAITING):  # CO_GENERATOR or a coroutine kind
            gen_codes.add(c)
            _M.set_local_events(TOOL, c, gen_events)
        else:
            _M.set_local_events(TOOL, c, _EV.LINE)
    _M.set_events(TOOL, _EV.PY_THROW | _EV.PY_UNWIND)


def uninstrument():
    if _M.get_tool(TOOL) is None:
        return
    _M.set_events(TOOL, 0)
    for c in user_codes:
        _M.set_local_events(TOOL, c, 0)
    _M.free_tool_id(TOOL)
    user_codes.clear()
    gen_codes.clear()
    _code_bytes.clear()
    _lines.clear()


# ---- safe values ----

import reprlib as _reprlib

_repr = _reprlib.Repr(maxlevel=3, maxlist=8, maxtuple=8, maxdict=6, maxset=8, maxfrozenset=8, maxdeque=8, maxstring=80, maxother=80, maxlong=40)
_PLAIN = {int: repr, bool: repr, float: repr, type(None): repr}
MAX_REPR = 200


def srepr(value):
    """A bounded repr that never raises (a broken or huge __repr__ must not hurt the run)."""
    plain = _PLAIN.get(type(value))
    if plain is not None:
        r = plain(value)
        return r if len(r) <= MAX_REPR else r[:MAX_REPR] + '…'
    try:
        r = _repr.repr(value)
    except BaseException as e:  # noqa: BLE001 - a user __repr__ may raise anything
        if isinstance(e, (RunLimit, RunStopped, KeyboardInterrupt)):
            raise
        return f'<{type(value).__name__} object (repr failed: {type(e).__name__})>'
    return r if len(r) <= MAX_REPR else r[:MAX_REPR] + '…'


def safe_str(exc):
    try:
        text = str(exc)
    except BaseException:  # noqa: BLE001
        return f'<{type(exc).__name__} (str failed)>'
    return text if len(text) <= 1000 else text[:1000] + '…'
