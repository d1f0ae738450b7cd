/*
 * The events recorded since the last flush, in the trace's own columns (core/trace/batch.ts): time
 * in nanoseconds, kind, object, line, and FIELD_COLUMNS fields each, so that JavaScript only copies
 * them; and the strings new to the run's table since then, as their UTF-8 bytes one after the other
 * with the length of each (JavaScript decodes them at once, when all are ASCII). Which generator is running is followed here, from the order of events: a gen.resume starts
 * its object (its `by` is the one running until then), a gen.yield, gen.return or gen.raise, and a
 * gen.close with object 0 (one closed from inside), leave it, and line events belong to whichever
 * runs (0, the main program, when none does).
 */
#include "probe.h"

typedef struct {
  double *t;
  uint8_t *kind;
  int32_t *obj, *line, *f;
  size_t n, cap;
  char *text;
  size_t text_len, text_cap;
  int32_t *lengths;
  size_t strings, strings_cap;
  int wide; /* some string is not ASCII */
} Columns;

/* Two sets: the sink reads one while events recorded meanwhile (a collected generator's close) go
 * to the other. */
static Columns sets[2];
static Columns *cur = &sets[0];
static int last_timed; /* the last event recorded read the clock itself */
static int32_t running;
static int32_t *resumers;
static size_t depth, cap_resumers;
static uint8_t leaves[MAX_KINDS];

static int grow_to(Columns *c, size_t want) {
  size_t cap = c->cap ? c->cap : 4096;
  while (cap < want) cap *= 2;
  if (cap == c->cap) return 0;
  double *t = realloc(c->t, cap * sizeof(double));
  if (t) c->t = t;
  uint8_t *kind = realloc(c->kind, cap);
  if (kind) c->kind = kind;
  int32_t *obj = realloc(c->obj, cap * sizeof(int32_t));
  if (obj) c->obj = obj;
  int32_t *line = realloc(c->line, cap * sizeof(int32_t));
  if (line) c->line = line;
  int32_t *f = realloc(c->f, cap * FIELD_COLUMNS * sizeof(int32_t));
  if (f) c->f = f;
  if (!t || !kind || !obj || !line || !f) {
    PyErr_NoMemory();
    return -1;
  }
  c->cap = cap;
  return 0;
}

static void empty(Columns *c) { c->n = c->text_len = c->strings = c->wide = 0; }

static int reserve(void **data, size_t *cap, size_t want, size_t item) {
  if (want <= *cap) return 0;
  size_t more = *cap ? *cap : 1024;
  while (more < want) more *= 2;
  void *grown = realloc(*data, more * item);
  if (!grown) {
    PyErr_NoMemory();
    return -1;
  }
  *data = grown;
  *cap = more;
  return 0;
}

/* Adds a string to the table's new ones (its index is the caller's). */
int ys_put_string(const char *utf8, size_t len) {
  if (reserve((void **)&cur->text, &cur->text_cap, cur->text_len + len, 1) ||
      reserve((void **)&cur->lengths, &cur->strings_cap, cur->strings + 1, sizeof(int32_t)))
    return -1;
  memcpy(cur->text + cur->text_len, utf8, len);
  for (size_t i = 0; i < len && !cur->wide; i++) cur->wide = (unsigned char)utf8[i] >= 0x80;
  cur->text_len += len;
  cur->lengths[cur->strings++] = (int32_t)len;
  return 0;
}

size_t ys_strings_pending(void) { return cur->strings; }

void ys_columns_reset(void) {
  empty(&sets[0]);
  empty(&sets[1]);
  cur = &sets[0];
  last_timed = 0;
  running = 0;
  depth = 0;
  memset(leaves, 0, sizeof leaves);
  leaves[K.gen_yield] = leaves[K.gen_return] = leaves[K.gen_raise] = leaves[K.gen_close] = 1;
}

int ys_put(int kind, int32_t obj, int32_t line, double t_ns, int timed, const int32_t *fields, int count) {
  if (cur->n == cur->cap && grow_to(cur, cur->n + 1)) return -1;
  size_t i = cur->n;
  int32_t *f = cur->f + i * FIELD_COLUMNS;
  f[0] = f[1] = f[2] = f[3] = f[4] = NULL_FIELD;
  if (kind == K.line) {
    obj = running;
  } else if (kind == K.gen_resume) {
    if (depth == cap_resumers) {
      size_t want = cap_resumers ? cap_resumers * 2 : 64;
      int32_t *more = realloc(resumers, want * sizeof(int32_t));
      if (!more) {
        PyErr_NoMemory();
        return -1;
      }
      resumers = more;
      cap_resumers = want;
    }
    resumers[depth++] = running;
    *f++ = running;
    if (count > FIELD_COLUMNS - 1) count = FIELD_COLUMNS - 1;
    running = obj;
  } else if (leaves[kind] && obj == 0) {
    obj = running;
    running = depth ? resumers[--depth] : 0;
  }
  switch (count) {
  default: f[4] = fields[4]; /* fall through */
  case 4: f[3] = fields[3]; /* fall through */
  case 3: f[2] = fields[2]; /* fall through */
  case 2: f[1] = fields[1]; /* fall through */
  case 1: f[0] = fields[0]; /* fall through */
  case 0: break;
  }
  cur->t[i] = t_ns;
  cur->kind[i] = (uint8_t)kind;
  cur->obj[i] = obj;
  cur->line[i] = line;
  cur->n = i + 1;
  last_timed = timed;
  return 0;
}

int ys_last_timed(void) { return !cur->n || last_timed; }

void ys_restamp_last(double t_ns) {
  if (!cur->n) return;
  cur->t[cur->n - 1] = t_ns;
  last_timed = 1;
}

size_t ys_columns_pending(void) { return cur->n; }

/* Where a column starts in the interpreter's memory, which the host reads directly (see ys_columns_send). */
static PyObject *address(const void *data) { return PyLong_FromLongLong((long long)(size_t)data); }

/* Puts back, in front of what was recorded meanwhile, events and strings the sink did not take. */
static int put_back(Columns *sent) {
  Columns *later = cur;
  if (grow_to(sent, sent->n + later->n) ||
      reserve((void **)&sent->text, &sent->text_cap, sent->text_len + later->text_len, 1) ||
      reserve((void **)&sent->lengths, &sent->strings_cap, sent->strings + later->strings, sizeof(int32_t)))
    return -1;
  memcpy(sent->text + sent->text_len, later->text, later->text_len);
  memcpy(sent->lengths + sent->strings, later->lengths, later->strings * sizeof(int32_t));
  sent->text_len += later->text_len;
  sent->strings += later->strings;
  sent->wide |= later->wide;
  size_t n = sent->n, m = later->n;
  memcpy(sent->t + n, later->t, m * sizeof(double));
  memcpy(sent->kind + n, later->kind, m);
  memcpy(sent->obj + n, later->obj, m * sizeof(int32_t));
  memcpy(sent->line + n, later->line, m * sizeof(int32_t));
  memcpy(sent->f + n * FIELD_COLUMNS, later->f, m * FIELD_COLUMNS * sizeof(int32_t));
  sent->n += m;
  empty(later);
  cur = sent;
  return 0;
}

/*
 * The sink receives where each column and the new strings are in the interpreter's memory, and how
 * many there are, and copies them before it returns: plain numbers cost the call next to nothing,
 * where a Python buffer object per column cost each flush a millisecond of conversions.
 */
long long ys_columns_send(PyObject *sink, long long first, long long string_base, long long *strings_sent) {
  Columns *sent = cur;
  cur = sent == &sets[0] ? &sets[1] : &sets[0];
  size_t n = sent->n;
  PyObject *args[13] = {
      PyLong_FromLongLong(first),
      PyLong_FromLongLong((long long)n),
      address(sent->t),
      address(sent->kind),
      address(sent->obj),
      address(sent->line),
      address(sent->f),
      PyLong_FromLongLong(string_base),
      address(sent->text),
      PyLong_FromLongLong((long long)sent->text_len),
      address(sent->lengths),
      PyLong_FromLongLong((long long)sent->strings),
      PyBool_FromLong(sent->wide),
  };
  PyObject *result = NULL;
  int made = 1;
  for (int i = 0; i < 13; i++) made = made && args[i];
  if (made) result = PyObject_Vectorcall(sink, args, 13, NULL);
  PyObject *exc = result ? NULL : PyErr_GetRaisedException();
  for (int i = 0; i < 13; i++) Py_DecRef(args[i]);
  if (result) {
    Py_DecRef(result);
    *strings_sent = (long long)sent->strings;
    empty(sent);
    return (long long)n;
  }
  /* A KeyboardInterrupt as the sink was called: sent again with what comes next. */
  if (put_back(sent)) {
    Py_DecRef(exc);
    return -1;
  }
  PyErr_SetRaisedException(exc);
  return -1;
}
