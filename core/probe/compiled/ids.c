/*
 * The run's small ids for Python objects: an identity table that forgets an object when it dies
 * (its weak reference's callback), so that a new object at the same address never takes its id.
 * Objects that take no weak reference are kept alive instead. Generators dying since the last tick
 * stay known to the monitoring callbacks: a dying generator is closed after its weak references
 * are called, and that close is recorded under its id.
 */
#include "probe.h"

typedef struct {
  PyObject *key; /* NULL: empty; TOMBSTONE: removed */
  int32_t id;
  PyObject *ref; /* the weak reference, or the object itself when it takes none */
} Slot;
#define TOMBSTONE ((PyObject *)1)

static Slot *slots;
static size_t cap, used; /* used counts tombstones too */
static int32_t next_id = 1;

typedef struct {
  PyObject *key;
  int32_t id;
} Dying;
static Dying *dying;
static size_t n_dying, cap_dying;

PyTypeObject *generator_type, *coroutine_type, *async_generator_type;

static size_t hash(PyObject *key) { return (size_t)(((uint32_t)(size_t)key >> 3) * 2654435761u) & (cap - 1); }

static Slot *find(PyObject *key) {
  if (!cap) return NULL;
  for (size_t i = hash(key);; i = (i + 1) & (cap - 1)) {
    if (slots[i].key == key) return &slots[i];
    if (!slots[i].key) return NULL;
  }
}

static int grow(void) {
  size_t old_cap = cap;
  Slot *old = slots;
  size_t live = 0;
  for (size_t i = 0; i < old_cap; i++) live += old[i].key && old[i].key != TOMBSTONE;
  size_t want = 256;
  while (want < live * 4) want *= 2;
  Slot *table = malloc(want * sizeof(Slot));
  if (!table) {
    PyErr_NoMemory();
    return -1;
  }
  memset(table, 0, want * sizeof(Slot));
  slots = table;
  cap = want;
  used = 0;
  for (size_t i = 0; i < old_cap; i++) {
    if (!old[i].key || old[i].key == TOMBSTONE) continue;
    size_t j = hash(old[i].key);
    while (slots[j].key) j = (j + 1) & (cap - 1);
    slots[j] = old[i];
    used++;
  }
  free(old);
  return 0;
}

static void remove_key(PyObject *key) {
  Slot *s = find(key);
  if (!s) return;
  Py_DecRef(s->ref);
  s->key = TOMBSTONE;
  s->ref = NULL;
}

/* The weak reference's callback (its self is the object's address): the object is dying. */
static PyObject *gone(PyObject *address, PyObject *weakref) {
  PyObject *key = (PyObject *)(size_t)PyLong_AsLong(address);
  Slot *s = find(key);
  if (s) {
    if (n_dying == cap_dying) {
      size_t want = cap_dying ? cap_dying * 2 : 16;
      Dying *more = realloc(dying, want * sizeof(Dying));
      if (!more) return PyErr_NoMemory();
      dying = more;
      cap_dying = want;
    }
    dying[n_dying].key = key;
    dying[n_dying].id = s->id;
    n_dying++;
    remove_key(key);
  }
  return ys_none();
}
static PyMethodDef gone_def = {"gone", (void *)gone, METH_O, NULL};

void ys_forget_dead(void) { n_dying = 0; }

int32_t ys_new_id(void) { return next_id++; }

int32_t ys_known(PyObject *o) {
  Slot *s = find(o);
  return s ? s->id : 0;
}

int32_t ys_gen_id(PyObject *gen, int dying_too) {
  int32_t id = ys_known(gen);
  if (id || !dying_too) return id;
  for (size_t i = n_dying; i-- > 0;)
    if (dying[i].key == gen) return dying[i].id;
  return 0;
}

int32_t ys_oid(PyObject *o) {
  int32_t id = ys_known(o);
  if (id) return id;
  if ((used + 1) * 2 > cap && grow()) return -1;
  PyObject *address = PyLong_FromLong((long)(size_t)o);
  PyObject *callback = address ? PyCFunction_NewEx(&gone_def, address, NULL) : NULL;
  Py_DecRef(address);
  if (!callback) return -1;
  PyObject *ref = PyWeakref_NewRef(o, callback);
  Py_DecRef(callback);
  if (!ref) {
    if (!PyErr_ExceptionMatches(PyExc_TypeError)) return -1;
    PyErr_Clear();
    Py_IncRef(o); /* no weak reference: kept alive, so that its address is never reused */
    ref = o;
  }
  size_t i = hash(o);
  while (slots[i].key && slots[i].key != TOMBSTONE) i = (i + 1) & (cap - 1);
  if (!slots[i].key) used++;
  slots[i].key = o;
  slots[i].id = next_id++;
  slots[i].ref = ref;
  return slots[i].id;
}

void ys_reset_ids(void) {
  for (size_t i = 0; i < cap; i++) {
    if (slots[i].key && slots[i].key != TOMBSTONE) Py_DecRef(slots[i].ref);
    slots[i].key = NULL;
    slots[i].ref = NULL;
  }
  used = 0;
  n_dying = 0;
  next_id = 1;
}

int ys_read_generator_types(void) {
  PyObject *types = PyImport_ImportModule("types");
  if (!types) return -1;
  generator_type = (PyTypeObject *)PyObject_GetAttrString(types, "GeneratorType");
  coroutine_type = (PyTypeObject *)PyObject_GetAttrString(types, "CoroutineType");
  async_generator_type = (PyTypeObject *)PyObject_GetAttrString(types, "AsyncGeneratorType");
  Py_DecRef(types);
  return generator_type && coroutine_type && async_generator_type ? 0 : -1;
}

int ys_is_generator_kind(PyObject *o) {
  PyTypeObject *t = Py_TYPE(o);
  return t == generator_type || t == coroutine_type || t == async_generator_type;
}

int32_t ys_register_gen(PyObject *gen, int32_t line) {
  static Literal generator = {"generator"}, coroutine = {"coroutine"}, async_generator = {"async generator"};
  int32_t o = ys_oid(gen);
  if (o < 0) return -1;
  PyObject *qualname = PyObject_GetAttrString(gen, "__qualname__");
  if (!qualname) return -1;
  int32_t name = ys_str(qualname);
  Py_DecRef(qualname);
  PyTypeObject *t = Py_TYPE(gen);
  int32_t kind = ys_literal(t == coroutine_type         ? &coroutine
                            : t == async_generator_type ? &async_generator
                                                        : &generator);
  if (name == -1 || kind == -1) return -1;
  int32_t fields[2] = {name, kind};
  return ys_emit(K.gen_create, o, line, fields, 2) ? -1 : o;
}

PyObject *ys_py_new_id(PyObject *self, PyObject *unused) { return PyLong_FromLong(ys_new_id()); }

PyObject *ys_py_oid(PyObject *self, PyObject *o) {
  int32_t id = ys_oid(o);
  return id < 0 ? NULL : PyLong_FromLong(id);
}

PyObject *ys_py_known(PyObject *self, PyObject *o) {
  int32_t id = ys_known(o);
  return id ? PyLong_FromLong(id) : ys_none();
}

PyObject *ys_py_register_gen(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs != 2) {
    PyErr_SetString(PyExc_TypeError, "register_gen(gen, line)");
    return NULL;
  }
  long line = PyLong_AsLong(args[1]);
  if (line == -1 && PyErr_Occurred()) return NULL;
  int32_t o = ys_register_gen(args[0], (int32_t)line);
  return o < 0 ? NULL : PyLong_FromLong(o);
}
