/*
 * What the probe knows of the host: read from protocol.py (which core/probe/load.ts configured from
 * core/trace/schema.ts and core/run/control.ts) when the recorder is connected, never written here.
 */
#include "probe.h"

Kinds K;
uint8_t own_clock[MAX_KINDS];
int32_t null_field;
int act_resume, act_step_event, act_step_switch, act_stop;
PyObject *RunLimit, *RunStopped;
PyObject *py_srepr, *py_safe_str, *py_sites, *py_deques;

/* Frames the probe's own Python may add above the program's recursion limit: a RecursionError
 * strikes the program where it would unrecorded, never inside the probe (a repr, a cold path). */
#define HEADROOM 50

PyObject *ys_call_fn(PyObject *fn, PyObject *const *args, size_t n) {
  int limit = Py_GetRecursionLimit();
  Py_SetRecursionLimit(limit + HEADROOM);
  PyObject *result = PyObject_Vectorcall(fn, args, n, NULL);
  Py_SetRecursionLimit(limit);
  return result;
}

PyObject *ys_call(PyObject *module, const char *name, PyObject *const *args, size_t n) {
  PyObject *fn = PyObject_GetAttrString(module, name);
  if (!fn) return NULL;
  PyObject *result = ys_call_fn(fn, args, n);
  Py_DecRef(fn);
  return result;
}

static int read_int(PyObject *from, const char *name, int *to) {
  PyObject *value = PyObject_GetAttrString(from, name);
  if (!value) return -1;
  long v = PyLong_AsLong(value);
  Py_DecRef(value);
  if (v == -1 && PyErr_Occurred()) return -1;
  if (v < 0 || v >= MAX_KINDS) {
    PyErr_SetString(PyExc_ValueError, "an event kind's code is out of the compiled probe's range");
    return -1;
  }
  *to = (int)v;
  return 0;
}

/* protocol.NULL: wasm32's long is the trace's int32, so any int Python holds there fits or raises */
static int read_null(PyObject *from) {
  PyObject *value = PyObject_GetAttrString(from, "NULL");
  if (!value) return -1;
  null_field = (int32_t)PyLong_AsLong(value);
  Py_DecRef(value);
  return PyErr_Occurred() ? -1 : 0;
}

static int read_action(PyObject *actions, const char *name, int *to) {
  PyObject *key = PyUnicode_FromString(name);
  if (!key) return -1;
  PyObject *value = PyDict_GetItemWithError(actions, key);
  Py_DecRef(key);
  if (!value) {
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "the host's pause answers lack one the probe needs");
    return -1;
  }
  *to = (int)PyLong_AsLong(value);
  return PyErr_Occurred() ? -1 : 0;
}

int ys_read_protocol(void) {
  PyObject *p = PyImport_ImportModule("ys_probe.protocol");
  PyObject *values = PyImport_ImportModule("ys_probe.values");
  if (!p || !values) goto fail;
  struct {
    const char *name;
    int *code;
  } kinds[] = {
      {"K_LINE", &K.line},
      {"K_GEN_CREATE", &K.gen_create},
      {"K_GEN_RESUME", &K.gen_resume},
      {"K_GEN_YIELD", &K.gen_yield},
      {"K_GEN_RETURN", &K.gen_return},
      {"K_GEN_RAISE", &K.gen_raise},
      {"K_GEN_CLOSE", &K.gen_close},
      {"K_ITER_CREATE", &K.iter_create},
      {"K_ITER_NEXT", &K.iter_next},
      {"K_ITER_STOP", &K.iter_stop},
      {"K_DEQUE_CREATE", &K.deque_create},
      {"K_DEQUE_OP", &K.deque_op},
      {"K_SCHED_PICK", &K.sched_pick},
  };
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (read_int(p, kinds[i].name, kinds[i].code)) goto fail;

  PyObject *counts = PyObject_GetAttrString(p, "FIELD_COUNT");
  if (!counts) goto fail;
  Py_ssize_t n_kinds = PyTuple_Size(counts);
  Py_DecRef(counts);
  int field_columns;
  if (read_int(p, "FIELD_COLUMNS", &field_columns) || read_null(p)) goto fail;
  if (field_columns != FIELD_COLUMNS) {
    PyErr_SetString(PyExc_ValueError, "events have another number of field columns than the compiled probe was built for");
    goto fail;
  }
  for (Py_ssize_t code = 0; code < n_kinds && code < MAX_KINDS; code++) {
    PyObject *key = PyLong_FromLong((long)code);
    PyObject *owns = PyObject_GetAttrString(p, "OWN_CLOCK");
    own_clock[code] = key && owns && PySet_Contains(owns, key) == 1;
    Py_DecRef(key);
    Py_DecRef(owns);
  }
  if (n_kinds > MAX_KINDS) {
    PyErr_SetString(PyExc_ValueError, "the schema has more event kinds than the compiled probe can hold");
    goto fail;
  }

  PyObject *actions = PyObject_GetAttrString(p, "ACTION");
  if (!actions) goto fail;
  int failed = read_action(actions, "resume", &act_resume) || read_action(actions, "stepEvent", &act_step_event) ||
               read_action(actions, "stepSwitch", &act_step_switch) || read_action(actions, "stop", &act_stop);
  Py_DecRef(actions);
  if (failed) goto fail;

  Py_DecRef(RunLimit);
  Py_DecRef(RunStopped);
  Py_DecRef(py_srepr);
  Py_DecRef(py_safe_str);
  RunLimit = PyObject_GetAttrString(p, "RunLimit");
  RunStopped = PyObject_GetAttrString(p, "RunStopped");
  py_srepr = PyObject_GetAttrString(values, "srepr");
  py_safe_str = PyObject_GetAttrString(values, "safe_str");
  Py_DecRef(p);
  Py_DecRef(values);
  return RunLimit && RunStopped && py_srepr && py_safe_str && !PyErr_Occurred() ? 0 : -1;
fail:
  Py_DecRef(p);
  Py_DecRef(values);
  return -1;
}
