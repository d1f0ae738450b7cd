/*
 * The run's events (into columns.c), its string table, the clock and the pause gate: the compiled
 * twin of record.py's hot path.
 *
 * The clock: the run's clock is performance.now() from t0, with set-up and pauses left out
 * (ys_skip_clock). Kinds that own the clock (switches of control, output, the run's ends) read it
 * at every event; the others take the stamp of the event before them, except that every TICK-th
 * event and the first event after a flush, a pause or set-up read it too: an event never carries a
 * stamp from before a flush or pause that preceded it. Stamps never go backwards.
 */
#include "probe.h"

#define TICK 32
#define FLUSH_EVERY 0.05
/* A batch's most events: the host copies each batch into new memory, and that copy costs several
 * times more per byte for a batch of megabytes (fresh pages) than for one of a few hundred kB. */
#define FLUSH_EVENTS 65536

long long n;           /* events recorded this run */
long long nc = 1;      /* event count at which tick() runs next */
static long long max_events = 5000000;
static long long hold_target = NEVER;
static long long held_at = -1; /* the count at the last hold: a step goes on from there */
static long long flushed;
static int gate; /* 0 open, 1 stop at every event, 2 stop at the next switch */
static double t0, last_t, last_flush;
static double last_ns; /* the last stamp, in nanoseconds: the time of events that do not read the clock */
int stale = 1; /* the next event reads the clock */
static PyObject *strs; /* str -> its index */
static long long string_base; /* the strings sent */
static long long next_string; /* the strings interned this run */
static PyObject *sink, *waiter;
static PyObject *held;       /* what ended the run while JS recorded an event */
static PyObject *limit_hit;  /* the limit that ended the run, as (kind, value) */
static PyObject *exhausted;  /* ids of iterators that ran dry */
int32_t pending_via = -1, pending_value, passed;
int32_t closed_during = -1;
unsigned run_number;
static int flushing;

/* ---- ints: the commonest values; the string indexes of their reprs kept in a direct-mapped
 * cache (a value that comes back often stays; a loop's long run of new ones never fills a table) */
#define SHORT_INT 1000000000000000LL
#define INT_CACHE 16384
static struct {
  long long value;
  int32_t index; /* -1: empty */
} ints[INT_CACHE];

static size_t int_slot(long long v) {
  unsigned long long h = (unsigned long long)v * 0x9E3779B97F4A7C15ULL;
  return (size_t)(h >> 50) & (INT_CACHE - 1);
}

/* ---- the clock: seconds, the run's clock leaving set-up and pauses out ---- */
double ys_clock(void) { return emscripten_get_now() * 1e-3; }

/* A stamp: never below the last one. */
static double stamp(void) {
  double t = ys_clock() - t0;
  if (t < last_t) t = last_t;
  last_t = t;
  stale = 0;
  return t;
}

static double nanoseconds(double seconds) { return (double)(long long)(seconds * 1e9 + 0.5); }

void ys_skip_clock(double since) {
  t0 += ys_clock() - since;
  stale = 1;
}

/* ---- strings ---- */
int32_t ys_str(PyObject *text) {
  if (text == Py_None) return NULL_FIELD;
  PyObject *known = PyDict_GetItemWithError(strs, text);
  if (known) return (int32_t)PyLong_AsLong(known);
  if (PyErr_Occurred()) return -1;
  Py_ssize_t len;
  const char *utf8 = PyUnicode_AsUTF8AndSize(text, &len);
  if (!utf8) return -1;
  PyObject *index = PyLong_FromLongLong(next_string);
  if (!index) return -1;
  int failed = PyDict_SetItem(strs, text, index) || ys_put_string(utf8, (size_t)len);
  Py_DecRef(index);
  return failed ? -1 : (int32_t)next_string++;
}

int32_t ys_literal(Literal *lit) {
  if (lit->run == run_number) return lit->index;
  if (!lit->str && !(lit->str = PyUnicode_InternFromString(lit->text))) return -1;
  int32_t i = ys_str(lit->str);
  if (i < 0) return -1;
  lit->index = i;
  lit->run = run_number;
  return i;
}

/* The index of srepr(value) (values.py), made here for the values that need no more than repr. */
int32_t ys_repr(PyObject *value) {
  PyObject *text = ys_call_fn(py_srepr, &value, 1);
  if (!text) return -1;
  int32_t i = ys_str(text);
  Py_DecRef(text);
  return i;
}

extern PyTypeObject *long_type;

int32_t ys_value(PyObject *value) {
  if (Py_TYPE(value) != long_type) return ys_repr(value);
  int overflow = 0;
  long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
  if (overflow || v <= -SHORT_INT || v >= SHORT_INT) return ys_repr(value);
  size_t j = int_slot(v);
  if (ints[j].index >= 0 && ints[j].value == v) return ints[j].index;
  /* its repr, written here: a loop's every item is a new int, and Python's repr and the string
   * table's dict cost several times what the rest of its event does (an int's text is its own
   * entry of the table, whatever other entry says the same) */
  char digits[24];
  int d = sizeof digits;
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  do digits[--d] = (char)('0' + u % 10); while (u /= 10);
  if (v < 0) digits[--d] = '-';
  if (ys_put_string(digits + d, sizeof digits - d)) return -1;
  int32_t i = (int32_t)next_string++;
  ints[j].value = v;
  ints[j].index = i;
  return i;
}

/* ---- the gate ---- */
static void next_tick(void) {
  if (gate) {
    nc = n + 1;
    return;
  }
  long long next = n + TICK;
  if (next > max_events) next = max_events;
  if (next > hold_target) next = hold_target;
  nc = next;
}

static int raise_held(void) {
  if (!held) return 0;
  PyObject *exc = held;
  held = NULL;
  PyErr_SetRaisedException(exc);
  return -1;
}

static PyObject *limit_exception(PyObject *kind, PyObject *value) {
  PyObject *limit = PyTuple_New(2);
  if (!limit) return NULL;
  Py_IncRef(kind);
  Py_IncRef(value);
  PyTuple_SetItem(limit, 0, kind);
  PyTuple_SetItem(limit, 1, value);
  Py_DecRef(limit_hit);
  limit_hit = limit;
  return PyObject_Call(RunLimit, limit, NULL);
}

static int tick(int kind) {
  if (raise_held()) return -1;
  double now = last_t;
  if (!ys_last_timed()) {
    now = stamp();
    last_ns = nanoseconds(now);
    ys_restamp_last(last_ns);
  }
  ys_forget_dead();
  if (n >= max_events) {
    nc = n + 1;
    PyObject *kind = PyUnicode_FromString("events"), *value = PyLong_FromLongLong(max_events);
    PyObject *exc = kind && value ? limit_exception(kind, value) : NULL;
    Py_DecRef(kind);
    Py_DecRef(value);
    if (exc) PyErr_SetRaisedException(exc);
    return -1;
  }
  if ((now + t0 - last_flush >= FLUSH_EVERY || ys_columns_pending() >= FLUSH_EVENTS) && ys_flush()) return -1;
  /* a pause that struck inside this tick's flush has already held at this event */
  int switching = kind == K.gen_resume || kind == K.sched_pick;
  if (held_at != n && (n >= hold_target || gate == 1 || (gate == 2 && switching))) {
    if (n >= hold_target) hold_target = NEVER;
    if (ys_hold()) return -1;
  }
  next_tick();
  return 0;
}

int ys_emit(int kind, int32_t obj, int32_t line, const int32_t *fields, int count) {
  int timed = own_clock[kind] || stale;
  if (timed) last_ns = nanoseconds(stamp());
  if (ys_put(kind, obj, line, last_ns, timed, fields, count)) return -1;
  n++;
  if (n >= nc) return tick(kind);
  return 0;
}

/* ---- flush ---- */
int ys_flush(void) {
  last_flush = ys_clock();
  stale = 1;
  if (flushing || (!ys_columns_pending() && !ys_strings_pending())) return 0;
  flushing = 1;
  long long strings = 0;
  long long sent = ys_columns_send(sink, flushed, string_base, &strings);
  if (sent >= 0) {
    flushed += sent;
    string_base += strings;
  }
  flushing = 0;
  return sent >= 0 ? 0 : -1;
}

/* ---- holding ---- */
static int holding;

int ys_hold(void) {
  /* asked for while a batch is handed over: at the next event, once that batch is sent (the host
   * hears of a hold only after every event before it) */
  if (flushing) {
    gate = 1;
    nc = n + 1;
    return 0;
  }
  /* asked for again while this hold calls the host (a pause signal repeated, heard as Pyodide converts
   * the call's argument): this hold meets that pause, and holding inside it would answer one hold twice */
  if (holding) return 0;
  held_at = n;
  if (ys_flush()) return -1;
  double paused_at = ys_clock();
  PyObject *count = PyLong_FromLongLong(n);
  if (!count) return -1;
  holding = 1;
  PyObject *answer = PyObject_Vectorcall(waiter, &count, 1, NULL);
  holding = 0;
  Py_DecRef(count);
  if (!answer) return -1;
  long action = PyLong_AsLong(answer);
  Py_DecRef(answer);
  ys_skip_clock(paused_at);
  if (action == act_stop) {
    gate = 0;
    PyObject *message = PyUnicode_FromString("stopped");
    PyObject *exc = message ? PyObject_Vectorcall(RunStopped, &message, 1, NULL) : NULL;
    Py_DecRef(message);
    if (exc) PyErr_SetRaisedException(exc);
    return -1;
  }
  gate = action == act_step_event ? 1 : action == act_step_switch ? 2 : 0;
  next_tick();
  return 0;
}

int ys_stopped(int32_t obj, int32_t line) {
  pending_via = -1;
  PyObject *key = PyLong_FromLong(obj);
  if (!key) return -1;
  int again = PySet_Contains(exhausted, key);
  int failed = again < 0 || PySet_Add(exhausted, key);
  Py_DecRef(key);
  if (failed) return -1;
  int32_t fields[1] = {again};
  return ys_emit(K.iter_stop, obj, line, fields, 1);
}

int ys_start(PyObject *new_sink, PyObject *new_waiter, long long limit) {
  run_number++;
  ys_columns_reset();
  n = 0;
  max_events = limit;
  hold_target = NEVER;
  nc = TICK < limit ? TICK : limit;
  t0 = ys_clock();
  last_t = 0;
  last_ns = 0;
  stale = 1;
  last_flush = t0;
  Py_DecRef(strs);
  Py_DecRef(exhausted);
  strs = PyDict_New();
  exhausted = PySet_New(NULL);
  for (size_t i = 0; i < INT_CACHE; i++) ints[i].index = -1;
  string_base = 0;
  next_string = 0;
  flushed = 0;
  Py_IncRef(new_sink);
  Py_IncRef(new_waiter);
  Py_DecRef(sink);
  Py_DecRef(waiter);
  sink = new_sink;
  waiter = new_waiter;
  gate = 0;
  Py_DecRef(limit_hit);
  limit_hit = NULL;
  Py_DecRef(held);
  held = NULL;
  held_at = -1;
  pending_via = -1;
  pending_value = NULL_FIELD;
  passed = NULL_FIELD;
  closed_during = -1;
  flushing = 0;
  ys_reset_ids();
  return strs && exhausted ? 0 : -1;
}

/* ---- the module's functions of this part (see module.c) ---- */

PyObject *ys_py_start(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs != 3) {
    PyErr_SetString(PyExc_TypeError, "start(sink, waiter, limit)");
    return NULL;
  }
  long long limit = PyLong_AsLongLongAndOverflow(args[2], &(int){0});
  if (limit == -1 && PyErr_Occurred()) return NULL;
  return ys_start(args[0], args[1], limit) ? NULL : ys_none();
}

PyObject *ys_py_end_run(PyObject *self, PyObject *unused) {
  max_events = NEVER;
  hold_target = NEVER;
  gate = 0;
  nc = NEVER;
  return ys_none();
}

PyObject *ys_py_recorded(PyObject *self, PyObject *unused) { return PyLong_FromLongLong(n); }

PyObject *ys_py_s(PyObject *self, PyObject *text) {
  int32_t i = ys_str(text);
  return i == -1 ? NULL : PyLong_FromLong(i);
}

PyObject *ys_py_sv(PyObject *self, PyObject *value) {
  int32_t i = ys_value(value);
  return i == -1 ? NULL : PyLong_FromLong(i);
}

PyObject *ys_py_limit(PyObject *self, PyObject *kind, PyObject *value) { return limit_exception(kind, value); }

PyObject *ys_py_limit_reached(PyObject *self, PyObject *unused) {
  if (!limit_hit) return ys_none();
  Py_IncRef(limit_hit);
  return limit_hit;
}

PyObject *ys_py_raise_held(PyObject *self, PyObject *unused) { return raise_held() ? NULL : ys_none(); }

/* Keeps what ended the run for the next event: an exception must never unwind into JavaScript. */
static void hold_exception(void) {
  PyObject *exc = PyErr_GetRaisedException();
  Py_DecRef(held);
  held = exc;
  nc = n;
}

PyObject *ys_py_s_from_js(PyObject *self, PyObject *text) {
  int32_t i = ys_str(text);
  if (i != -1) return PyLong_FromLong(i);
  hold_exception();
  return PyLong_FromLong(NULL_FIELD);
}

static int read_fields(PyObject *const *args, Py_ssize_t nargs, int32_t *kind, int32_t *obj, int32_t *line, int32_t *fields) {
  if (nargs < 3 || nargs > 8) {
    PyErr_SetString(PyExc_TypeError, "emit(kind, obj, line, *fields)");
    return -1;
  }
  int32_t *heads[3] = {kind, obj, line};
  for (int i = 0; i < 3; i++) {
    *heads[i] = (int32_t)PyLong_AsLong(args[i]);
    if (*heads[i] == -1 && PyErr_Occurred()) return -1;
  }
  if (*kind < 0 || *kind >= MAX_KINDS) {
    PyErr_SetString(PyExc_ValueError, "unknown event kind");
    return -1;
  }
  for (int i = 0; i < 5; i++) {
    fields[i] = NULL_FIELD;
    if (3 + i < nargs) {
      fields[i] = (int32_t)PyLong_AsLong(args[3 + i]);
      if (fields[i] == -1 && PyErr_Occurred()) return -1;
    }
  }
  return 0;
}

PyObject *ys_py_emit(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  int32_t kind, obj, line, fields[5];
  if (read_fields(args, nargs, &kind, &obj, &line, fields)) return NULL;
  return ys_emit(kind, obj, line, fields, 5) ? NULL : ys_none();
}

PyObject *ys_py_emit_from_js(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (held) return ys_none();
  int32_t kind, obj, line, fields[5];
  if (read_fields(args, nargs, &kind, &obj, &line, fields) || ys_emit(kind, obj, line, fields, 5)) hold_exception();
  return ys_none();
}

PyObject *ys_py_emit_value(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs != 4) {
    PyErr_SetString(PyExc_TypeError, "emit_value(kind, obj, line, value)");
    return NULL;
  }
  int32_t head[3];
  for (int i = 0; i < 3; i++) {
    head[i] = (int32_t)PyLong_AsLong(args[i]);
    if (head[i] == -1 && PyErr_Occurred()) return NULL;
  }
  int32_t value = ys_value(args[3]);
  if (value == -1) return NULL;
  return ys_emit(head[0], head[1], head[2], &value, 1) ? NULL : ys_none();
}

PyObject *ys_py_hold_at(PyObject *self, PyObject *count) {
  long long c = PyLong_AsLongLongAndOverflow(count, &(int){0});
  if (c == -1 && PyErr_Occurred()) return NULL;
  hold_target = c;
  next_tick();
  return ys_none();
}

PyObject *ys_py_skip_clock(PyObject *self, PyObject *since) {
  double s = PyFloat_AsDouble(since);
  if (s == -1.0 && PyErr_Occurred()) return NULL;
  ys_skip_clock(s);
  return ys_none();
}

PyObject *ys_py_clock(PyObject *self, PyObject *unused) { return PyFloat_FromDouble(ys_clock()); }

PyObject *ys_py_flush(PyObject *self, PyObject *unused) { return ys_flush() ? NULL : ys_none(); }

PyObject *ys_py_hold(PyObject *self, PyObject *unused) { return ys_hold() ? NULL : ys_none(); }

PyObject *ys_py_on_pause_signal(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return ys_hold() ? NULL : ys_none();
}

PyObject *ys_py_resume_via(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs < 1 || nargs > 2) {
    PyErr_SetString(PyExc_TypeError, "resume_via(via, value=NULL)");
    return NULL;
  }
  if (args[0] == Py_None) {
    pending_via = -1;
    pending_value = NULL_FIELD;
    return ys_none();
  }
  int32_t via = ys_str(args[0]);
  if (via == -1) return NULL;
  int32_t value = NULL_FIELD;
  if (nargs == 2) {
    value = (int32_t)PyLong_AsLong(args[1]);
    if (value == -1 && PyErr_Occurred()) return NULL;
  }
  pending_via = via;
  pending_value = value;
  return ys_none();
}

PyObject *ys_py_stopped(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs != 2) {
    PyErr_SetString(PyExc_TypeError, "stopped(obj, line)");
    return NULL;
  }
  long obj = PyLong_AsLong(args[0]), line = PyLong_AsLong(args[1]);
  if (PyErr_Occurred()) return NULL;
  return ys_stopped((int32_t)obj, (int32_t)line) ? NULL : ys_none();
}

PyObject *ys_py_closing(PyObject *self, PyObject *unused) {
  closed_during = -1;
  return ys_none();
}

PyObject *ys_py_closed_itself(PyObject *self, PyObject *unused) {
  return closed_during < 0 ? ys_none() : PyLong_FromLong(closed_during);
}
