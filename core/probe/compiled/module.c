/*
 * ys_probe.compiled: the compiled recorder, with record.py's interface (recorder.py chooses one).
 * Importing it sets nothing up; connect() reads the protocol and the Python helpers it calls back.
 */
#include "probe.h"

PyTypeObject *long_type;

#define DECLARE(name) PyObject *ys_py_##name(PyObject *, PyObject *)
#define DECLARE_FAST(name) PyObject *ys_py_##name(PyObject *, PyObject *const *, Py_ssize_t)
DECLARE_FAST(start);
DECLARE(end_run);
DECLARE(recorded);
DECLARE(s);
DECLARE(sv);
PyObject *ys_py_limit(PyObject *, PyObject *, PyObject *);
DECLARE(limit_reached);
DECLARE(raise_held);
DECLARE(s_from_js);
DECLARE_FAST(emit);
DECLARE_FAST(emit_from_js);
DECLARE_FAST(emit_value);
DECLARE(hold_at);
DECLARE(skip_clock);
DECLARE(clock);
DECLARE(flush);
DECLARE(hold);
DECLARE_FAST(on_pause_signal);
DECLARE_FAST(resume_via);
DECLARE_FAST(stopped);
DECLARE(closing);
DECLARE(closed_itself);
DECLARE(new_id);
DECLARE(oid);
DECLARE(known);
DECLARE_FAST(register_gen);
DECLARE(program_line);
DECLARE(is_program_code);
DECLARE(watch);
DECLARE(uninstrument);

static PyObject *module;

static PyObject *instrument(PyObject *self, PyObject *code) {
  PyObject *callbacks = PyDict_New();
  if (!callbacks) return NULL;
  for (PyMethodDef *def = ys_callbacks; def->ml_name; def++) {
    PyObject *fn = PyCFunction_NewEx(def, NULL, NULL);
    PyObject *key = PyUnicode_FromString(def->ml_name);
    int failed = !fn || !key || PyDict_SetItem(callbacks, key, fn);
    Py_DecRef(fn);
    Py_DecRef(key);
    if (failed) {
      Py_DecRef(callbacks);
      return NULL;
    }
  }
  int failed = ys_instrument(code, callbacks);
  Py_DecRef(callbacks);
  return failed ? NULL : ys_none();
}

static int read_opcode(PyObject *opmap, const char *name, int *to) {
  PyObject *key = PyUnicode_FromString(name);
  PyObject *code = key ? PyDict_GetItemWithError(opmap, key) : NULL;
  Py_DecRef(key);
  if (!code) return -1;
  *to = (int)PyLong_AsLong(code);
  return 0;
}

/* connect(sites, deques): reads the protocol and the instructions it tells apart, keeps the modules
 * whose functions it calls for the rare cases, and makes the recording deque (module.Deque). */
static PyObject *connect(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs != 2) {
    PyErr_SetString(PyExc_TypeError, "connect(sites, deques)");
    return NULL;
  }
  if (ys_read_protocol() || ys_read_generator_types() || ys_code_extra_index()) return NULL;
  PyObject *dis = PyImport_ImportModule("dis");
  PyObject *opmap = dis ? PyObject_GetAttrString(dis, "opmap") : NULL;
  Py_DecRef(dis);
  int failed = !opmap || read_opcode(opmap, "SEND", &op_send) || read_opcode(opmap, "FOR_ITER", &op_for_iter);
  Py_DecRef(opmap);
  if (failed) return NULL;
  PyObject *builtins = PyImport_ImportModule("builtins");
  Py_DecRef(builtin_next);
  Py_DecRef(builtin_iter);
  builtin_next = builtins ? PyObject_GetAttrString(builtins, "next") : NULL;
  builtin_iter = builtins ? PyObject_GetAttrString(builtins, "iter") : NULL;
  Py_DecRef(builtins);
  if (!builtin_next || !builtin_iter) return NULL;
  Py_IncRef(args[0]);
  Py_IncRef(args[1]);
  Py_DecRef(py_sites);
  Py_DecRef(py_deques);
  py_sites = args[0];
  py_deques = args[1];
  PyObject *deque = ys_make_deque_type();
  if (!deque) return NULL;
  failed = PyModule_AddObjectRef(module, "Deque", deque) || PyModule_AddObjectRef(module, "RunLimit", RunLimit) ||
           PyModule_AddObjectRef(module, "RunStopped", RunStopped);
  Py_DecRef(deque);
  return failed ? NULL : ys_none();
}

/* Every function is METH_FASTCALL: Pyodide calls METH_O and METH_NOARGS functions through a
 * JavaScript trampoline, which costs more than most of what they do. */
static PyObject *arity(const char *name, int wanted) {
  static const char *const says[] = {"the function takes no arguments", "the function takes exactly one argument",
                                     "the function takes exactly two arguments"};
  PyErr_SetString(PyExc_TypeError, says[wanted]);
  return NULL;
}
#define ADAPT(name, count, call)                                                            \
  static PyObject *fast_##name(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {  \
    return nargs == count ? call : arity(#name, count);                                   \
  }
#define ONE_ARG(name) ADAPT(name, 1, ys_py_##name(self, args[0]))
#define NO_ARG(name) ADAPT(name, 0, ys_py_##name(self, NULL))
ADAPT(instrument, 1, instrument(self, args[0]))
ADAPT(limit, 2, ys_py_limit(self, args[0], args[1]))
ONE_ARG(s)
ONE_ARG(sv)
ONE_ARG(s_from_js)
ONE_ARG(hold_at)
ONE_ARG(skip_clock)
ONE_ARG(oid)
ONE_ARG(known)
ONE_ARG(program_line)
ONE_ARG(is_program_code)
ONE_ARG(watch)
NO_ARG(end_run)
NO_ARG(recorded)
NO_ARG(limit_reached)
NO_ARG(raise_held)
NO_ARG(clock)
NO_ARG(flush)
NO_ARG(hold)
NO_ARG(closing)
NO_ARG(closed_itself)
NO_ARG(new_id)
NO_ARG(uninstrument)

#define FAST(name) {#name, (void *)ys_py_##name, METH_FASTCALL, NULL}
/* a function whose adapter above checks how many arguments it takes */
#define ADAPTED(name) {#name, (void *)fast_##name, METH_FASTCALL, NULL}
static PyMethodDef methods[] = {
    {"connect", (void *)connect, METH_FASTCALL, NULL},
    ADAPTED(instrument),
    {"it", (void *)ys_it, METH_FASTCALL, NULL},
    {"call_next", (void *)ys_call_next, METH_FASTCALL, NULL},
    {"call_iter", (void *)ys_call_iter, METH_FASTCALL, NULL},
    FAST(start),
    ADAPTED(end_run),
    ADAPTED(recorded),
    ADAPTED(s),
    ADAPTED(sv),
    ADAPTED(limit),
    ADAPTED(limit_reached),
    ADAPTED(raise_held),
    ADAPTED(s_from_js),
    FAST(emit),
    FAST(emit_from_js),
    FAST(emit_value),
    ADAPTED(hold_at),
    ADAPTED(skip_clock),
    ADAPTED(clock),
    ADAPTED(flush),
    ADAPTED(hold),
    FAST(on_pause_signal),
    FAST(resume_via),
    FAST(stopped),
    ADAPTED(closing),
    ADAPTED(closed_itself),
    ADAPTED(new_id),
    ADAPTED(oid),
    ADAPTED(known),
    FAST(register_gen),
    ADAPTED(program_line),
    ADAPTED(is_program_code),
    ADAPTED(watch),
    ADAPTED(uninstrument),
    {NULL, NULL, 0, NULL},
};

static PyModuleDef definition = {
    {{YS_STATIC_REFCNT, NULL}, NULL, 0, NULL},
    "compiled",
    "The compiled recorder: record.py's interface, its hot path in C (core/probe/compiled/).",
    -1,
    methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

YS_EXPORT PyObject *PyInit_compiled(void) {
  if (!long_type) {
    PyObject *zero = PyLong_FromLong(0);
    if (!zero) return NULL;
    long_type = Py_TYPE(zero);
    Py_DecRef(zero);
  }
  if (!iterating_type && ys_make_iterating_type()) return NULL;
  module = PyModule_Create2(&definition, PYTHON_ABI_VERSION);
  return module;
}
