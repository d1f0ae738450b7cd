/*
 * The sys.monitoring callbacks for the program's code objects, as record.py's on_* functions:
 * the same events, recorded without calling into Python (but for the repr of a value that is not
 * an int, and an exception's message). gen.resume leaves out its `by` and line events and a
 * generator's leaving carry obj 0: the decoder follows which generator runs (core/run/decode.ts).
 */
#include "probe.h"

static Literal via_next = {"next"}, via_send = {"send"}, via_for = {"for"}, via_yield_from = {"yield from"},
               via_await = {"await"}, via_throw = {"throw"}, via_close = {"close"};

/* How a generator of gen_info's code was resumed, read from the instruction its caller executes. */
static Literal *via_of(CodeInfo *gen_info, PyFrameObject *frame) {
  Literal *via = gen_info && gen_info->awaiting ? &via_send : &via_next;
  PyFrameObject *back = PyFrame_GetBack(frame);
  if (back) {
    PyObject *code = (PyObject *)PyFrame_GetCode(back);
    CodeInfo *info = ys_code_info(code);
    if (info) {
      int lasti = PyFrame_GetLasti(back);
      int op = lasti >= 0 && lasti < 2 * info->units ? info->ops[lasti] : -1;
      if (op == op_send) via = info->awaiting ? &via_await : &via_yield_from;
      else if (op == op_for_iter) via = &via_for;
    }
    Py_DecRef(code);
    Py_DecRef((PyObject *)back);
  }
  return via;
}

static int offset_of(PyObject *arg) { return (int)PyLong_AsLong(arg); }

/* gen.resume of the generator running frame: `via` given (a throw, a close) or found. */
static PyObject *resume(PyObject *code, int offset, Literal *given, int32_t value, int dying_too) {
  program_ran++;
  PyFrameObject *frame = PyEval_GetFrame();
  PyObject *gen = frame ? PyFrame_GetGenerator(frame) : NULL;
  if (!gen) return ys_none();
  CodeInfo *info = ys_code_info(code);
  int32_t line = info ? ys_line_at(info, offset) : 0;
  int32_t o = ys_gen_id(gen, dying_too);
  if (!o) o = ys_register_gen(gen, line);
  Py_DecRef(gen);
  if (o < 0) return NULL;
  int32_t via;
  if (given) {
    via = ys_literal(given);
  } else if (pending_via >= 0) {
    via = pending_via;
    if (value == NULL_FIELD) value = pending_value;
    pending_via = -1;
    pending_value = NULL_FIELD;
  } else {
    Literal *found = via_of(info, frame);
    if (found == &via_yield_from || found == &via_await) value = passed;
    via = ys_literal(found);
  }
  if (via == -1) return NULL;
  passed = value;
  int32_t fields[2] = {via, value};
  return ys_emit(K.gen_resume, o, line, fields, 2) ? NULL : ys_none();
}

/* PY_START / PY_RESUME (code, offset): the hottest callback. */
static PyObject *on_resume(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return resume(args[0], offset_of(args[1]), NULL, NULL_FIELD, 0);
}

/* PY_THROW (code, offset, exception), for every code: only generators' count. */
static PyObject *on_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  CodeInfo *info = ys_code_info(args[0]);
  if (!info || !info->generator) return ys_none();
  pending_via = -1;
  int32_t value = ys_repr(args[2]);
  if (value == -1) return NULL;
  int closing = Py_TYPE(args[2]) == (PyTypeObject *)PyExc_GeneratorExit;
  return resume(args[0], offset_of(args[1]), closing ? &via_close : &via_throw, value, 1);
}

/* A generator leaves with a value: PY_YIELD and PY_RETURN (code, offset, value). */
static PyObject *leave(int kind, PyObject *const *args) {
  program_ran++;
  CodeInfo *info = ys_code_info(args[0]);
  int32_t value = ys_value(args[2]);
  if (value == -1) return NULL;
  return ys_emit(kind, 0, info ? ys_line_at(info, offset_of(args[1])) : 0, &value, 1) ? NULL : ys_none();
}

static PyObject *on_yield(PyObject *self, PyObject *const *args, Py_ssize_t nargs) { return leave(K.gen_yield, args); }

static PyObject *on_return(PyObject *self, PyObject *const *args, Py_ssize_t nargs) { return leave(K.gen_return, args); }

/* PY_UNWIND (code, offset, exception), for every code: an exception leaves a generator's frame. */
static PyObject *on_unwind(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  CodeInfo *info = ys_code_info(args[0]);
  if (!info || !info->generator) return ys_none();
  program_ran++;
  PyFrameObject *frame = PyEval_GetFrame();
  PyObject *gen = frame ? PyFrame_GetGenerator(frame) : NULL;
  if (!gen) return ys_none();
  int32_t o = ys_gen_id(gen, 1);
  Py_DecRef(gen);
  int32_t line = PyFrame_GetLineNumber(frame); /* the unwinding offset may have no line of its own */
  if (line < 0) line = 0;
  PyObject *exc = args[2];
  if (Py_TYPE(exc) == (PyTypeObject *)PyExc_GeneratorExit) {
    closed_during = o ? o : -1;
    return ys_emit(K.gen_close, 0, line, NULL, 0) ? NULL : ys_none();
  }
  PyObject *type_name = PyObject_GetAttrString((PyObject *)Py_TYPE(exc), "__name__");
  PyObject *message = ys_call_fn(py_safe_str, &exc, 1);
  int32_t fields[2] = {type_name ? ys_str(type_name) : -1, message ? ys_str(message) : -1};
  Py_DecRef(type_name);
  Py_DecRef(message);
  if (fields[0] == -1 || fields[1] == -1) return NULL;
  return ys_emit(K.gen_raise, 0, line, fields, 2) ? NULL : ys_none();
}

/* LINE (code, line) */
static PyObject *on_line(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  program_ran++;
  passed = NULL_FIELD;
  return ys_emit(K.line, 0, (int32_t)PyLong_AsLong(args[1]), NULL, 0) ? NULL : ys_none();
}

PyMethodDef ys_callbacks[] = {
    {"LINE", (void *)on_line, METH_FASTCALL, NULL},
    {"PY_START", (void *)on_resume, METH_FASTCALL, NULL},
    {"PY_RESUME", (void *)on_resume, METH_FASTCALL, NULL},
    {"PY_YIELD", (void *)on_yield, METH_FASTCALL, NULL},
    {"PY_RETURN", (void *)on_return, METH_FASTCALL, NULL},
    {"PY_THROW", (void *)on_throw, METH_FASTCALL, NULL},
    {"PY_UNWIND", (void *)on_unwind, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};
