/*
 * The program's code objects: each one the probe watches carries (as a code extra) a table of the
 * source line of every instruction and a copy of its instructions, so that the callbacks find an
 * event's line, and how a caller resumed a generator, without calling into Python.
 */
#include "probe.h"

#define TOOL 4 /* record.py's sys.monitoring tool id: one recorder records at a time */
#define CO_GENERATOR 0x20
#define CO_COROUTINE 0x80
#define CO_ITERABLE_COROUTINE 0x100
#define CO_ASYNC_GENERATOR 0x200
#define AWAITING (CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR)

static Py_ssize_t extra_index = -1;
static PyObject *watched; /* every code object with an extra of ours, this run */
static PyObject *monitoring;
int op_send, op_for_iter;

static void free_info(void *p) {
  CodeInfo *info = p;
  if (!info) return;
  free(info->lines);
  free(info->ops);
  free(info);
}

int ys_code_extra_index(void) {
  if (extra_index < 0) extra_index = PyUnstable_Eval_RequestCodeExtraIndex(free_info);
  if (extra_index < 0) {
    PyErr_SetString(PyExc_RuntimeError, "no code extra index left for the compiled probe");
    return -1;
  }
  return 0;
}

CodeInfo *ys_code_info(PyObject *code) {
  void *info = NULL;
  if (PyUnstable_Code_GetExtra(code, extra_index, &info)) {
    PyErr_Clear();
    return NULL;
  }
  return info;
}

int32_t ys_line_at(CodeInfo *info, int offset) {
  int unit = offset >> 1;
  return unit >= 0 && unit < info->units ? info->lines[unit] : 0;
}

unsigned long long program_ran;

/*
 * The last answer of ys_program_line: it holds for the next question about the same frame (a
 * deque's every operation in a loop, timeit's loop) until the program runs again (any of its line or
 * generator events), since no program frame can come, go or change line without one, but for one
 * returning mid-line into another: the frame below the asking frame tells those apart.
 */
static struct {
  PyFrameObject *top, *below;
  unsigned long long ran;
  int32_t line;
} last;

static int32_t walk(PyFrameObject *frame) {
  Py_IncRef((PyObject *)frame);
  while (frame) {
    PyObject *code = (PyObject *)PyFrame_GetCode(frame);
    CodeInfo *info = ys_code_info(code);
    Py_DecRef(code);
    if (info) {
      int32_t line = ys_line_at(info, PyFrame_GetLasti(frame));
      Py_DecRef((PyObject *)frame);
      return line;
    }
    PyFrameObject *back = PyFrame_GetBack(frame);
    Py_DecRef((PyObject *)frame);
    frame = back;
  }
  return 0;
}

int32_t ys_program_line(PyFrameObject *frame) {
  if (!frame) return 0;
  PyFrameObject *below = PyFrame_GetBack(frame);
  Py_DecRef((PyObject *)below); /* only compared: the frame above holds it */
  if (last.top == frame && last.below == below && last.ran == program_ran) return last.line;
  last.top = frame;
  last.below = below;
  last.ran = program_ran;
  last.line = walk(frame);
  return last.line;
}

static long attr_long(PyObject *o, const char *name) {
  PyObject *v = PyObject_GetAttrString(o, name);
  if (!v) return -1;
  long r = PyLong_AsLong(v);
  Py_DecRef(v);
  return r;
}

/* The table of an instruction's line, from code.co_lines(), and its instructions, from co_code. */
static CodeInfo *describe(PyObject *code) {
  PyObject *bytes = PyObject_GetAttrString(code, "co_code");
  if (!bytes) return NULL;
  Py_ssize_t size = PyBytes_Size(bytes);
  CodeInfo *info = malloc(sizeof(CodeInfo));
  if (info) {
    info->units = (int)(size / 2);
    info->lines = malloc((size_t)(info->units + 1) * sizeof(int32_t));
    info->ops = malloc((size_t)size + 1);
  }
  if (!info || !info->lines || !info->ops) {
    Py_DecRef(bytes);
    free_info(info);
    PyErr_NoMemory();
    return NULL;
  }
  memcpy(info->ops, PyBytes_AsString(bytes), (size_t)size);
  Py_DecRef(bytes);
  memset(info->lines, 0, (size_t)(info->units + 1) * sizeof(int32_t));
  long flags = attr_long(code, "co_flags");
  info->generator = (flags & (CO_GENERATOR | AWAITING)) != 0;
  info->awaiting = (flags & AWAITING) != 0;
  PyObject *ranges = ys_call(code, "co_lines", NULL, 0);
  PyObject *it = ranges ? PyObject_GetIter(ranges) : NULL;
  Py_DecRef(ranges);
  if (!it) {
    free_info(info);
    return NULL;
  }
  PyObject *range;
  while ((range = PyIter_Next(it))) {
    long start = PyLong_AsLong(PyTuple_GetItem(range, 0)), end = PyLong_AsLong(PyTuple_GetItem(range, 1));
    PyObject *line = PyTuple_GetItem(range, 2);
    long l = line == Py_None ? 0 : PyLong_AsLong(line);
    for (long u = start / 2; u < end / 2 && u < info->units; u++) info->lines[u] = (int32_t)l;
    Py_DecRef(range);
  }
  Py_DecRef(it);
  if (PyErr_Occurred()) {
    free_info(info);
    return NULL;
  }
  return info;
}

static PyObject *call_monitoring(const char *name, PyObject *const *args, size_t n) {
  return ys_call(monitoring, name, args, n);
}

static long event(const char *name) {
  PyObject *events = PyObject_GetAttrString(monitoring, "events");
  if (!events) return -1;
  long v = attr_long(events, name);
  Py_DecRef(events);
  return v;
}

static int set_local_events(PyObject *code, long events) {
  PyObject *args[3] = {PyLong_FromLong(TOOL), code, PyLong_FromLong(events)};
  PyObject *r = args[0] && args[2] ? call_monitoring("set_local_events", args, 3) : NULL;
  Py_DecRef(args[0]);
  Py_DecRef(args[2]);
  Py_DecRef(r);
  return r ? 0 : -1;
}

static int tool_in_use(void) {
  PyObject *tool = PyLong_FromLong(TOOL);
  PyObject *name = tool ? call_monitoring("get_tool", &tool, 1) : NULL;
  Py_DecRef(tool);
  if (!name) return -1;
  int in_use = name != Py_None;
  Py_DecRef(name);
  return in_use;
}

int ys_watch(PyObject *code) {
  int in_use = tool_in_use();
  if (in_use <= 0) return in_use;
  long line_events = event("LINE");
  long gen_events = line_events | event("PY_START") | event("PY_RESUME") | event("PY_YIELD") | event("PY_RETURN");
  if (PyErr_Occurred()) return -1;
  PyObject *todo = PyList_New(0);
  if (!todo || PyList_Append(todo, code)) return -1;
  PyTypeObject *code_type = Py_TYPE(code);
  for (Py_ssize_t i = 0; i < PyList_Size(todo); i++) {
    PyObject *c = PyList_GetItem(todo, i);
    if (!ys_code_info(c)) {
      CodeInfo *info = describe(c);
      if (!info || PyUnstable_Code_SetExtra(c, extra_index, info) || PyList_Append(watched, c)) {
        free_info(info);
        Py_DecRef(todo);
        return -1;
      }
    }
    if (set_local_events(c, ys_code_info(c)->generator ? gen_events : line_events)) {
      Py_DecRef(todo);
      return -1;
    }
    PyObject *consts = PyObject_GetAttrString(c, "co_consts");
    if (!consts) {
      Py_DecRef(todo);
      return -1;
    }
    for (Py_ssize_t k = 0; k < PyTuple_Size(consts); k++) {
      PyObject *item = PyTuple_GetItem(consts, k);
      if (Py_TYPE(item) == code_type && PyList_Append(todo, item)) {
        Py_DecRef(consts);
        Py_DecRef(todo);
        return -1;
      }
    }
    Py_DecRef(consts);
  }
  Py_DecRef(todo);
  return 0;
}

/* callbacks: the module's on_* functions, by sys.monitoring event name */
int ys_instrument(PyObject *module_code, PyObject *callbacks) {
  Py_DecRef(monitoring);
  PyObject *sys = PyImport_ImportModule("sys");
  monitoring = sys ? PyObject_GetAttrString(sys, "monitoring") : NULL;
  Py_DecRef(sys);
  if (!monitoring) return -1;
  if (!watched && !(watched = PyList_New(0))) return -1;
  PyObject *tool = PyLong_FromLong(TOOL);
  PyObject *name = PyUnicode_FromString("yieldscope");
  PyObject *args[2] = {tool, name};
  PyObject *r = tool && name ? call_monitoring("use_tool_id", args, 2) : NULL;
  Py_DecRef(name);
  Py_DecRef(r);
  if (!r) {
    Py_DecRef(tool);
    return -1;
  }
  static const char *names[] = {"LINE", "PY_START", "PY_RESUME", "PY_YIELD", "PY_RETURN", "PY_THROW", "PY_UNWIND"};
  for (int i = 0; i < 7; i++) {
    PyObject *key = PyUnicode_FromString(names[i]);
    PyObject *callback = key ? PyDict_GetItemWithError(callbacks, key) : NULL;
    Py_DecRef(key);
    PyObject *ev = callback ? PyLong_FromLong(event(names[i])) : NULL;
    PyObject *a[3] = {tool, ev, callback};
    r = ev ? call_monitoring("register_callback", a, 3) : NULL;
    Py_DecRef(ev);
    Py_DecRef(r);
    if (!r) {
      Py_DecRef(tool);
      return -1;
    }
  }
  if (ys_watch(module_code)) {
    Py_DecRef(tool);
    return -1;
  }
  PyObject *global = PyLong_FromLong(event("PY_THROW") | event("PY_UNWIND"));
  PyObject *a[2] = {tool, global};
  r = global ? call_monitoring("set_events", a, 2) : NULL;
  Py_DecRef(global);
  Py_DecRef(tool);
  Py_DecRef(r);
  return r ? 0 : -1;
}

int ys_uninstrument(void) {
  if (!monitoring) return 0;
  int in_use = tool_in_use();
  if (in_use <= 0) return in_use;
  PyObject *tool = PyLong_FromLong(TOOL);
  PyObject *none = PyLong_FromLong(0);
  PyObject *a[2] = {tool, none};
  PyObject *r = call_monitoring("set_events", a, 2);
  Py_DecRef(r);
  int failed = !r;
  for (Py_ssize_t i = 0; i < PyList_Size(watched); i++) {
    PyObject *c = PyList_GetItem(watched, i);
    if (!failed && set_local_events(c, 0)) failed = 1;
    PyUnstable_Code_SetExtra(c, extra_index, NULL);
  }
  Py_DecRef(watched);
  watched = PyList_New(0);
  if (!failed) {
    r = call_monitoring("free_tool_id", &tool, 1);
    Py_DecRef(r);
    failed = !r;
  }
  Py_DecRef(tool);
  Py_DecRef(none);
  return failed ? -1 : 0;
}

PyObject *ys_py_program_line(PyObject *self, PyObject *frame) {
  if (frame == Py_None) return PyLong_FromLong(0);
  return PyLong_FromLong(ys_program_line((PyFrameObject *)frame));
}

PyObject *ys_py_is_program_code(PyObject *self, PyObject *code) {
  return PyBool_FromLong(ys_code_info(code) != NULL);
}

PyObject *ys_py_watch(PyObject *self, PyObject *code) { return ys_watch(code) ? NULL : ys_none(); }

PyObject *ys_py_uninstrument(PyObject *self, PyObject *unused) { return ys_uninstrument() ? NULL : ys_none(); }
