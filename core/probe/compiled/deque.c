/*
 * The compiled recorder's collections.deque: a subclass of the real one (so that a deque subclass
 * the program writes is recorded too), put in its place for the length of a run. Only deques the
 * program's own code creates are recorded; the others pay one check per operation. append,
 * appendleft, pop and popleft record here, with no Python frame: a recorded deque operation must
 * keep its cost next to a list's (a timing lesson compares them). Creation and the rarer
 * operations are deques.py's, shared with the Python recorder.
 */
#include "probe.h"

typedef struct {
  int32_t ys;      /* the deque's id, or 0 when it is not the program's */
  int32_t bounded; /* it has a maxlen */
  int32_t maxlen;
} DequeData;

static PyTypeObject *deque_type, *real_deque;
static initproc real_init;
static PyObject *(*real_item)(PyObject *, Py_ssize_t);
static PyObject *(*real_inplace_concat)(PyObject *, PyObject *);
static PyObject *real_append, *real_appendleft, *real_pop, *real_popleft, *real_extend, *real_extendleft,
    *real_insert, *real_remove, *real_rotate, *real_clear, *real_setitem, *real_delitem;

/*
 * The C functions of the real append, appendleft, pop and popleft, called directly: Pyodide calls a
 * METH_O or METH_NOARGS method through a JavaScript trampoline, which would cost a recorded
 * operation twice what the unrecorded one pays. Read from the method's descriptor as CPython lays
 * it out (the object's head, d_type, d_name, d_qualname, then d_method), and only used when that
 * PyMethodDef names the method with the calling convention expected; else the descriptor is called.
 */
static PyCFunction direct_append, direct_appendleft, direct_pop, direct_popleft;

static PyCFunction direct_function(PyObject *descriptor, const char *name, int flags) {
  static PyTypeObject *method_descriptor;
  if (!method_descriptor) {
    PyObject *builtins = PyImport_ImportModule("builtins");
    PyObject *list = builtins ? PyObject_GetAttrString(builtins, "list") : NULL;
    PyObject *append = list ? PyObject_GetAttrString(list, "append") : NULL;
    method_descriptor = append ? Py_TYPE(append) : NULL;
    Py_DecRef(append);
    Py_DecRef(list);
    Py_DecRef(builtins);
    if (!method_descriptor) {
      PyErr_Clear();
      return NULL;
    }
  }
  if (Py_TYPE(descriptor) != method_descriptor) return NULL;
  PyMethodDef *def = *(PyMethodDef **)((char *)descriptor + sizeof(PyObject) + 3 * sizeof(void *));
  const char *a = def->ml_name, *b = name;
  while (*a && *a == *b) a++, b++;
  if (*a != *b || (def->ml_flags & (METH_O | METH_NOARGS | METH_VARARGS | METH_FASTCALL | METH_KEYWORDS)) != flags)
    return NULL;
  return (PyCFunction)def->ml_meth;
}

static DequeData *data(PyObject *self) { return PyObject_GetTypeData(self, deque_type); }

/* A deque's length, as the real deque keeps it (its ob_size): never a subclass's __len__, which
 * recording must not run. */
static Py_ssize_t length(PyObject *self) { return ((PyVarObject *)self)->ob_size; }

static PyObject *call_real(PyObject *method, PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  PyObject *all[4] = {self};
  for (Py_ssize_t i = 0; i < nargs && i < 3; i++) all[i + 1] = args[i];
  return PyObject_Vectorcall(method, all, (size_t)nargs + 1, NULL);
}

static int record_op(PyObject *self, int32_t o, int32_t line, Literal *op, int32_t arg, int32_t value,
                     int32_t dropped) {
  int32_t name = ys_literal(op);
  if (name == -1) return -1;
  int32_t fields[5] = {name, arg, value, dropped, (int32_t)length(self)};
  return ys_emit(K.deque_op, o, line, fields, 5);
}

/* The item an append at one end drops at the other (end 0: the left one), as a list's repr. */
static int32_t dropped_by_one(PyObject *self, DequeData *d, PyObject *x, Py_ssize_t end) {
  if (!d->bounded || length(self) + 1 <= d->maxlen) return NULL_FIELD;
  PyObject *item = x;
  if (d->maxlen > 0) {
    item = real_item(self, end < 0 ? length(self) + end : end);
    if (!item) return -1;
  } else {
    Py_IncRef(item);
  }
  PyObject *list = PyList_New(0);
  int failed = !list || PyList_Append(list, item);
  Py_DecRef(item);
  int32_t text = failed ? -1 : ys_repr(list);
  Py_DecRef(list);
  return text;
}

static PyObject *add(PyObject *self, PyObject *x, PyObject *real, PyCFunction direct, Literal *op,
                     Py_ssize_t other_end) {
  DequeData *d = data(self);
  if (!d->ys) return direct ? direct(self, x) : call_real(real, self, &x, 1);
  int32_t line = ys_program_line(PyEval_GetFrame());
  int32_t dropped = dropped_by_one(self, d, x, other_end);
  if (dropped == -1) return NULL;
  PyObject *r = direct ? direct(self, x) : call_real(real, self, &x, 1);
  if (!r) return NULL;
  Py_DecRef(r);
  int32_t arg = ys_value(x);
  if (arg == -1 || record_op(self, d->ys, line, op, arg, NULL_FIELD, dropped)) return NULL;
  return ys_none();
}

static PyObject *take(PyObject *self, PyObject *real, PyCFunction direct, Literal *op) {
  DequeData *d = data(self);
  if (!d->ys) return direct ? direct(self, NULL) : call_real(real, self, NULL, 0);
  int32_t line = ys_program_line(PyEval_GetFrame());
  PyObject *value = direct ? direct(self, NULL) : call_real(real, self, NULL, 0);
  if (!value) return NULL;
  int32_t v = ys_value(value);
  if (v == -1 || record_op(self, d->ys, line, op, NULL_FIELD, v, NULL_FIELD)) {
    Py_DecRef(value);
    return NULL;
  }
  return value;
}

static Literal op_append = {"append"}, op_appendleft = {"appendleft"}, op_pop = {"pop"}, op_popleft = {"popleft"};

static PyObject *arity(const char *message) {
  PyErr_SetString(PyExc_TypeError, message);
  return NULL;
}

/* METH_FASTCALL, unlike the real ones: called directly, not through Pyodide's trampoline. */
static PyObject *d_append(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs != 1) return arity("deque.append() takes exactly one argument");
  return add(self, args[0], real_append, direct_append, &op_append, 0);
}
static PyObject *d_appendleft(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs != 1) return arity("deque.appendleft() takes exactly one argument");
  return add(self, args[0], real_appendleft, direct_appendleft, &op_appendleft, -1);
}
static PyObject *d_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs) return arity("deque.pop() takes no arguments");
  return take(self, real_pop, direct_pop, &op_pop);
}
static PyObject *d_popleft(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs) return arity("deque.popleft() takes no arguments");
  return take(self, real_popleft, direct_popleft, &op_popleft);
}

/* A rarer operation: the real one for a deque that is not the program's, else deques.py's `name`
 * (given the deque, its id and the line, then the arguments), which records it. */
static PyObject *rare(const char *name, PyObject *real, PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  DequeData *d = data(self);
  if (!d->ys) return call_real(real, self, args, nargs);
  PyObject *o = PyLong_FromLong(d->ys);
  PyObject *line = PyLong_FromLong(ys_program_line(PyEval_GetFrame()));
  PyObject *all[6] = {self, o, line};
  for (Py_ssize_t i = 0; i < nargs && i < 3; i++) all[i + 3] = args[i];
  PyObject *r = o && line ? ys_call(py_deques, name, all, (size_t)nargs + 3) : NULL;
  Py_DecRef(o);
  Py_DecRef(line);
  return r;
}

#define RARE(name)                                                                             \
  static PyObject *d_##name(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {         \
    return rare(#name, real_##name, self, args, nargs);                                         \
  }
RARE(extend)
RARE(extendleft)
RARE(insert)
RARE(remove)
RARE(rotate)
RARE(clear)

static PyObject *d_inplace_concat(PyObject *self, PyObject *other) {
  if (!data(self)->ys) return real_inplace_concat(self, other);
  return rare("iadd", NULL, self, &other, 1);
}

static int d_ass_subscript(PyObject *self, PyObject *key, PyObject *value) {
  PyObject *args[2] = {key, value};
  PyObject *r = value ? rare("setitem", real_setitem, self, args, 2) : rare("delitem", real_delitem, self, args, 1);
  Py_DecRef(r);
  return r ? 0 : -1;
}

static int d_init(PyObject *self, PyObject *args, PyObject *kwds) {
  if (real_init(self, args, kwds) < 0) return -1;
  DequeData *d = data(self);
  PyObject *maxlen = PyObject_GetAttrString(self, "maxlen");
  if (!maxlen) return -1;
  d->bounded = maxlen != Py_None;
  d->maxlen = d->bounded ? (int32_t)PyLong_AsLong(maxlen) : 0;
  Py_DecRef(maxlen);
  PyObject *frame = (PyObject *)PyEval_GetFrame();
  PyObject *call[2] = {self, frame ? frame : Py_None};
  PyObject *id = ys_call(py_deques, "created", call, 2);
  if (!id) return -1;
  d->ys = (int32_t)PyLong_AsLong(id);
  Py_DecRef(id);
  return 0;
}

static PyObject *real_method(const char *name) { return PyObject_GetAttrString((PyObject *)real_deque, name); }

PyObject *ys_make_deque_type(void) {
  static PyMethodDef methods[] = {
      {"append", (void *)d_append, METH_FASTCALL, NULL},
      {"appendleft", (void *)d_appendleft, METH_FASTCALL, NULL},
      {"pop", (void *)d_pop, METH_FASTCALL, NULL},
      {"popleft", (void *)d_popleft, METH_FASTCALL, NULL},
      {"extend", (void *)d_extend, METH_FASTCALL, NULL},
      {"extendleft", (void *)d_extendleft, METH_FASTCALL, NULL},
      {"insert", (void *)d_insert, METH_FASTCALL, NULL},
      {"remove", (void *)d_remove, METH_FASTCALL, NULL},
      {"rotate", (void *)d_rotate, METH_FASTCALL, NULL},
      {"clear", (void *)d_clear, METH_FASTCALL, NULL},
      {NULL, NULL, 0, NULL},
  };
  static PyMemberDef members[] = {
      {"_ys", Py_T_INT, 0, Py_RELATIVE_OFFSET, NULL},
      {NULL, 0, 0, 0, NULL},
  };
  static PyType_Slot slots[] = {
      {Py_tp_init, (void *)d_init},
      {Py_tp_methods, methods},
      {Py_tp_members, members},
      {Py_sq_inplace_concat, (void *)d_inplace_concat},
      {Py_mp_ass_subscript, (void *)d_ass_subscript},
      {0, NULL},
  };
  static PyType_Spec spec = {"collections.deque", -(int)sizeof(DequeData), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
                             slots};
  PyObject *collections = PyImport_ImportModule("collections");
  if (!collections) return NULL;
  Py_DecRef((PyObject *)real_deque);
  real_deque = (PyTypeObject *)PyObject_GetAttrString(collections, "deque");
  Py_DecRef(collections);
  if (!real_deque) return NULL;
  real_init = (initproc)PyType_GetSlot(real_deque, Py_tp_init);
  real_inplace_concat = PyType_GetSlot(real_deque, Py_sq_inplace_concat);
  real_item = PyType_GetSlot(real_deque, Py_sq_item);
  PyObject **reals[] = {&real_append, &real_appendleft, &real_pop,    &real_popleft, &real_extend,  &real_extendleft,
                        &real_insert, &real_remove,     &real_rotate, &real_clear,   &real_setitem, &real_delitem};
  const char *names[] = {"append", "appendleft", "pop",    "popleft", "extend",      "extendleft",
                         "insert", "remove",     "rotate", "clear",   "__setitem__", "__delitem__"};
  for (int i = 0; i < 12; i++) {
    Py_DecRef(*reals[i]);
    if (!(*reals[i] = real_method(names[i]))) return NULL;
  }
  direct_append = direct_function(real_append, "append", METH_O);
  direct_appendleft = direct_function(real_appendleft, "appendleft", METH_O);
  direct_pop = direct_function(real_pop, "pop", METH_NOARGS);
  direct_popleft = direct_function(real_popleft, "popleft", METH_NOARGS);
  deque_type = (PyTypeObject *)PyType_FromSpecWithBases(&spec, (PyObject *)real_deque);
  return (PyObject *)deque_type;
}
