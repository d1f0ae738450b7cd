/*
 * The part of CPython's C API the compiled probe uses, declared by hand for Pyodide's wasm32 build
 * (ILP32: pointers, long and size_t are 4 bytes). Almost all of it is the stable ABI (abi3); the
 * few others (frames, code extras) are exported by pyodide.asm.wasm all the same, which the build
 * checks for every import (core/probe/imports.ts). Objects are counted with Py_IncRef/Py_DecRef,
 * never inline: 3.14 marks immortal objects in the count, which old inline increments corrupt.
 */
#ifndef YS_PYTHON_H
#define YS_PYTHON_H

typedef long Py_ssize_t;
typedef unsigned long size_t;
typedef long long int64_t;
typedef int int32_t;
typedef unsigned int uint32_t;
typedef unsigned char uint8_t;
#define NULL ((void *)0)

typedef struct _typeobject PyTypeObject;
typedef struct _object {
  Py_ssize_t ob_refcnt;
  PyTypeObject *ob_type;
} PyObject;
#define Py_TYPE(o) (((PyObject *)(o))->ob_type)
typedef struct {
  PyObject ob_base;
  Py_ssize_t ob_size;
} PyVarObject;
/* Statically allocated objects are immortal (3.14, 32-bit: a count of 7 << 28). */
#define YS_STATIC_REFCNT (7L << 28)

typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
typedef PyObject *(*iternextfunc)(PyObject *);
typedef int (*initproc)(PyObject *, PyObject *, PyObject *);
typedef int (*visitproc)(PyObject *, void *);
typedef void (*freefunc)(void *);

typedef struct {
  const char *ml_name;
  void *ml_meth;
  int ml_flags;
  const char *ml_doc;
} PyMethodDef;
#define METH_VARARGS 0x0001
#define METH_KEYWORDS 0x0002
#define METH_NOARGS 0x0004
#define METH_O 0x0008
#define METH_FASTCALL 0x0080

typedef struct {
  PyObject ob_base;
  PyObject *(*m_init)(void);
  Py_ssize_t m_index;
  PyObject *m_copy;
} PyModuleDef_Base;
typedef struct {
  PyModuleDef_Base m_base;
  const char *m_name;
  const char *m_doc;
  Py_ssize_t m_size;
  PyMethodDef *m_methods;
  void *m_slots;
  void *m_traverse;
  void *m_clear;
  void *m_free;
} PyModuleDef;
#define PYTHON_ABI_VERSION 3

typedef struct {
  int slot;
  void *pfunc;
} PyType_Slot;
typedef struct {
  const char *name;
  int basicsize;
  int itemsize;
  unsigned int flags;
  PyType_Slot *slots;
} PyType_Spec;
typedef struct {
  const char *name;
  int type;
  Py_ssize_t offset;
  int flags;
  const char *doc;
} PyMemberDef;
#define Py_T_INT 1
#define Py_RELATIVE_OFFSET 8
#define Py_TPFLAGS_DEFAULT 0
#define Py_TPFLAGS_BASETYPE (1UL << 10)
#define Py_TPFLAGS_HAVE_GC (1UL << 14)
#define Py_mp_ass_subscript 3
#define Py_sq_inplace_concat 42
#define Py_sq_item 44
#define Py_tp_dealloc 52
#define Py_tp_free 74
#define Py_tp_init 60
#define Py_tp_iter 62
#define Py_tp_iternext 63
#define Py_tp_members 72
#define Py_tp_methods 64
#define Py_tp_traverse 71

extern PyObject *PyExc_StopIteration;
extern PyObject *PyExc_TypeError;
extern PyObject *PyExc_GeneratorExit;
extern PyObject *PyExc_RuntimeError;
extern PyObject *PyExc_ValueError;
extern PyObject _Py_NoneStruct;
extern PyObject _Py_NotImplementedStruct;

void Py_IncRef(PyObject *);
void Py_DecRef(PyObject *);

PyObject *PyErr_Occurred(void);
void PyErr_SetString(PyObject *, const char *);
int PyErr_ExceptionMatches(PyObject *);
void PyErr_Clear(void);
PyObject *PyErr_GetRaisedException(void);
void PyErr_SetRaisedException(PyObject *);
PyObject *PyErr_NoMemory(void);

PyObject *PyObject_GetAttrString(PyObject *, const char *);
PyObject *PyObject_Vectorcall(PyObject *, PyObject *const *, size_t, PyObject *);
PyObject *PyObject_Call(PyObject *, PyObject *, PyObject *);
int Py_GetRecursionLimit(void);
void Py_SetRecursionLimit(int);
Py_ssize_t PyObject_LengthHint(PyObject *, Py_ssize_t);
PyObject *PyObject_GetIter(PyObject *);
PyObject *PyIter_Next(PyObject *);
PyObject *PyObject_SelfIter(PyObject *);
void *PyObject_GetTypeData(PyObject *, PyTypeObject *);
void PyObject_GC_UnTrack(void *);
void *PyType_GetSlot(PyTypeObject *, int);
PyObject *PyType_FromSpecWithBases(PyType_Spec *, PyObject *);
PyObject *PyType_GenericAlloc(PyTypeObject *, Py_ssize_t);

PyObject *PyLong_FromSsize_t(Py_ssize_t);
PyObject *PyLong_FromLong(long);
PyObject *PyLong_FromLongLong(long long);
long PyLong_AsLong(PyObject *);
long long PyLong_AsLongLongAndOverflow(PyObject *, int *);
PyObject *PyFloat_FromDouble(double);
PyObject *PyBool_FromLong(long);
double PyFloat_AsDouble(PyObject *);
PyObject *PyUnicode_FromString(const char *);
PyObject *PyUnicode_InternFromString(const char *);
const char *PyUnicode_AsUTF8AndSize(PyObject *, Py_ssize_t *);
char *PyBytes_AsString(PyObject *);
Py_ssize_t PyBytes_Size(PyObject *);

PyObject *PyTuple_New(Py_ssize_t);
PyObject *PyTuple_GetItem(PyObject *, Py_ssize_t);
int PyTuple_SetItem(PyObject *, Py_ssize_t, PyObject *);
Py_ssize_t PyTuple_Size(PyObject *);
PyObject *PyList_New(Py_ssize_t);
int PyList_Append(PyObject *, PyObject *);
Py_ssize_t PyList_Size(PyObject *);
PyObject *PyList_GetItem(PyObject *, Py_ssize_t);
PyObject *PyDict_New(void);
PyObject *PyDict_GetItemWithError(PyObject *, PyObject *);
int PyDict_SetItem(PyObject *, PyObject *, PyObject *);
PyObject *PySet_New(PyObject *);
int PySet_Add(PyObject *, PyObject *);
int PySet_Contains(PyObject *, PyObject *);
PyObject *PyWeakref_NewRef(PyObject *, PyObject *);
PyObject *PyCFunction_NewEx(PyMethodDef *, PyObject *, PyObject *);
PyObject *PyImport_ImportModule(const char *);

PyObject *PyModule_Create2(PyModuleDef *, int);
int PyModule_AddObjectRef(PyObject *, const char *, PyObject *);

/* Frames and code objects: borrowed from PyEval_GetFrame, new references from the others. */
typedef struct _frame PyFrameObject;
typedef struct PyCodeObject PyCodeObject;
PyFrameObject *PyEval_GetFrame(void);
PyCodeObject *PyFrame_GetCode(PyFrameObject *);
PyFrameObject *PyFrame_GetBack(PyFrameObject *);
int PyFrame_GetLasti(PyFrameObject *);
int PyFrame_GetLineNumber(PyFrameObject *);
PyObject *PyFrame_GetGenerator(PyFrameObject *);
Py_ssize_t PyUnstable_Eval_RequestCodeExtraIndex(freefunc);
int PyUnstable_Code_GetExtra(PyObject *, Py_ssize_t, void **);
int PyUnstable_Code_SetExtra(PyObject *, Py_ssize_t, void *);

void *malloc(size_t);
void *realloc(void *, size_t);
void free(void *);
void *memcpy(void *, const void *, size_t);
void *memset(void *, int, size_t);
/* Emscripten's performance.now(): a JavaScript function the main module imports, in milliseconds. */
double emscripten_get_now(void);

#define Py_None (&_Py_NoneStruct)
#define Py_NotImplemented (&_Py_NotImplementedStruct)

#endif
