/*
 * The hot sites of the rewritten program (sites.py's `it` and `call_next`), in C: a for loop,
 * comprehension or consumer iterates through an Iterating, which records each item and the end
 * without a Python frame between the loop and its iterator. Their rare cases call sites.py.
 */
#include "probe.h"

PyObject *builtin_next, *builtin_iter;
PyTypeObject *iterating_type;

typedef struct {
  PyObject ob_base;
  PyObject *inner;
  PyObject *source; /* what inner iterates: a consumer asks it for a length hint */
  iternextfunc next;
  int32_t obj, line;
  int32_t via; /* how a generator it iterates is resumed (a string index), or -1 for other iterators */
} Iterating;

static PyObject *iterating_next(PyObject *o) {
  Iterating *self = (Iterating *)o;
  if (self->via >= 0) pending_via = self->via;
  PyObject *value = self->next(self->inner);
  if (value) {
    if (self->via < 0) {
      int32_t v = ys_value(value);
      if (v == -1 || ys_emit(K.iter_next, self->obj, self->line, &v, 1)) {
        Py_DecRef(value);
        return NULL;
      }
    }
    return value;
  }
  if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_StopIteration)) return NULL;
  PyObject *stop = PyErr_GetRaisedException();
  if (ys_stopped(self->obj, self->line)) {
    Py_DecRef(stop);
    return NULL;
  }
  if (stop) PyErr_SetRaisedException(stop);
  return NULL;
}

/* list(x) and tuple(x) size their result by x's length hint: asked of the Iterating put between
 * them and x, it is x's, as it would be unrecorded (x's __len__ or __length_hint__, called once). */
static PyObject *iterating_length_hint(PyObject *o, PyObject *unused) {
  Py_ssize_t hint = PyObject_LengthHint(((Iterating *)o)->source, -1);
  if (hint >= 0) return PyLong_FromSsize_t(hint);
  if (PyErr_Occurred()) return NULL;
  Py_IncRef(Py_NotImplemented);
  return Py_NotImplemented;
}

static int iterating_traverse(PyObject *o, visitproc visit, void *arg) {
  Iterating *self = (Iterating *)o;
  PyObject *held[2] = {self->inner, self->source};
  for (int i = 0; i < 2; i++) {
    int r = held[i] ? visit(held[i], arg) : 0;
    if (r) return r;
  }
  return visit((PyObject *)Py_TYPE(o), arg);
}

static void iterating_dealloc(PyObject *o) {
  PyTypeObject *type = Py_TYPE(o);
  PyObject_GC_UnTrack(o);
  Py_DecRef(((Iterating *)o)->inner);
  Py_DecRef(((Iterating *)o)->source);
  ((freefunc)PyType_GetSlot(type, Py_tp_free))(o);
  Py_DecRef((PyObject *)type);
}

int ys_make_iterating_type(void) {
  static PyMethodDef methods[] = {
      {"__length_hint__", (void *)iterating_length_hint, METH_NOARGS, NULL},
      {NULL, NULL, 0, NULL},
  };
  static PyType_Slot slots[] = {
      {Py_tp_iter, (void *)PyObject_SelfIter},
      {Py_tp_methods, methods},
      {Py_tp_iternext, (void *)iterating_next},
      {Py_tp_traverse, (void *)iterating_traverse},
      {Py_tp_dealloc, (void *)iterating_dealloc},
      {0, NULL},
  };
  static PyType_Spec spec = {"ys_probe.compiled.Iterating", sizeof(Iterating), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
                             slots};
  iterating_type = (PyTypeObject *)PyType_FromSpecWithBases(&spec, NULL);
  return iterating_type ? 0 : -1;
}

/* The TypeError of iter(iterable) failing, recorded (sites.not_iterable) and raised again. */
static PyObject *not_iterable(PyObject *iterable, PyObject *line) {
  if (!PyErr_ExceptionMatches(PyExc_TypeError)) return NULL;
  PyObject *exc = PyErr_GetRaisedException();
  PyObject *call[3] = {iterable, line, exc};
  PyObject *r = ys_call(py_sites, "not_iterable", call, 3);
  if (r) {
    Py_DecRef(r);
    PyErr_SetRaisedException(exc);
  } else {
    Py_DecRef(exc);
  }
  return NULL;
}

/* call_iter(fn, line, *args): iter(...) called from C, so that the program's call adds no Python
 * frame (a RecursionError strikes where it would unrecorded); recorded by sites.created_iter. */
PyObject *ys_call_iter(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs < 2) {
    PyErr_SetString(PyExc_TypeError, "call_iter(fn, line, *args)");
    return NULL;
  }
  Py_ssize_t given = nargs - 2;
  PyObject *inner = PyObject_Vectorcall(args[0], args + 2, (size_t)given, NULL);
  if (args[0] != builtin_iter || given < 1 || given > 2) return inner;
  if (!inner) return given == 1 ? not_iterable(args[2], args[1]) : NULL;
  PyObject *call[4] = {args[1], inner, args[2], given == 2 ? args[3] : NULL};
  PyObject *r = ys_call(py_sites, "created_iter", call, (size_t)given + 2);
  if (!r) {
    Py_DecRef(inner);
    return NULL;
  }
  Py_DecRef(r);
  return inner;
}

/* it(iterable, line, via='for') */
PyObject *ys_it(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs < 2 || nargs > 3) {
    PyErr_SetString(PyExc_TypeError, "it(iterable, line, via='for')");
    return NULL;
  }
  PyObject *iterable = args[0];
  PyObject *inner = PyObject_GetIter(iterable);
  if (!inner) return not_iterable(iterable, args[1]);
  int32_t via = -1;
  if (ys_is_generator_kind(inner)) {
    static Literal for_loop = {"for"};
    via = nargs == 3 ? ys_str(args[2]) : ys_literal(&for_loop);
    if (via == -1) {
      Py_DecRef(inner);
      return NULL;
    }
  }
  PyObject *made_args[3] = {iterable, inner, args[1]};
  PyObject *id = ys_call(py_sites, "made", made_args, 3);
  Iterating *it = id ? (Iterating *)PyType_GenericAlloc(iterating_type, 0) : NULL;
  if (!it) {
    Py_DecRef(id);
    Py_DecRef(inner);
    return NULL;
  }
  it->obj = (int32_t)PyLong_AsLong(id);
  Py_DecRef(id);
  it->inner = inner;
  Py_IncRef(iterable);
  it->source = iterable;
  it->next = (iternextfunc)PyType_GetSlot(Py_TYPE(inner), Py_tp_iternext);
  it->line = (int32_t)PyLong_AsLong(args[1]);
  it->via = via;
  return (PyObject *)it;
}

/* next(target) through the builtin, recording the end of an iterator (then `dry` is set, and the
 * result is `fallback`, or NULL with StopIteration raised when there is none). */
static PyObject *next_of(PyObject *target, int32_t obj, int32_t line, PyObject *fallback, int *dry) {
  *dry = 0;
  PyObject *value = PyObject_Vectorcall(builtin_next, &target, 1, NULL);
  if (value || !PyErr_ExceptionMatches(PyExc_StopIteration)) return value;
  *dry = 1;
  PyObject *stop = PyErr_GetRaisedException();
  if (!obj) obj = ys_oid(target);
  if (obj < 0 || ys_stopped(obj, line)) {
    Py_DecRef(stop);
    return NULL;
  }
  if (fallback) {
    Py_DecRef(stop);
    Py_IncRef(fallback);
    return fallback;
  }
  PyErr_SetRaisedException(stop);
  return NULL;
}

/* call_next(fn, line, *args): next(it) or next(it, default) where fn may be the builtin. The
 * commonest cases stay here; the others are sites.py's python_call_next. */
PyObject *ys_call_next(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs >= 3 && nargs <= 4 && args[0] == builtin_next) {
    PyObject *target = args[2];
    int32_t line = (int32_t)PyLong_AsLong(args[1]);
    static Literal next = {"next"};
    int dry;
    if (Py_TYPE(target) == generator_type && nargs == 3) {
      int32_t via = ys_literal(&next);
      if (via == -1) return NULL;
      pending_via = via;
      return next_of(target, 0, line, NULL, &dry);
    }
    int32_t o = ys_is_generator_kind(target) ? 0 : ys_known(target);
    if (o) {
      PyObject *value = next_of(target, o, line, nargs == 4 ? args[3] : NULL, &dry);
      if (!value || dry) return value;
      int32_t v = ys_value(value);
      if (v == -1 || ys_emit(K.iter_next, o, line, &v, 1)) {
        Py_DecRef(value);
        return NULL;
      }
      return value;
    }
  }
  PyObject *fn = PyObject_GetAttrString(py_sites, "python_call_next");
  if (!fn) return NULL;
  PyObject *r = PyObject_Vectorcall(fn, args, (size_t)nargs, NULL);
  Py_DecRef(fn);
  return r;
}
