/*
 * The compiled probe's parts and what they share. Functions that can fail return -1 (or NULL) with
 * a Python exception set, as CPython's do; the exception then reaches the program as it would
 * from the Python recorder (a stop, the event limit, a host failure).
 */
#ifndef YS_PROBE_H
#define YS_PROBE_H
#include "python.h"

#define YS_EXPORT __attribute__((visibility("default")))
#define NEVER (1LL << 62)

/* ---- protocol.c: what the host told protocol.py at load time ---- */
typedef struct {
  int line, gen_create, gen_resume, gen_yield, gen_return, gen_raise, gen_close;
  int iter_create, iter_next, iter_stop, deque_create, deque_op, sched_pick;
} Kinds;
extern Kinds K;
#define MAX_KINDS 128
extern uint8_t own_clock[MAX_KINDS];
/* an int field's null (schema.ts NULL_INT) */
extern int32_t null_field;
#define NULL_FIELD null_field
/* how many field columns every event has (schema.ts FIELD_COLUMNS, checked at load time): a
 * constant, so that recording an event writes them without a loop */
#define FIELD_COLUMNS 5
extern int act_resume, act_step_event, act_step_switch, act_stop;
extern PyObject *RunLimit, *RunStopped;
/* values.py's srepr and safe_str, sites.py and deques.py (their cold paths) */
extern PyObject *py_srepr, *py_safe_str, *py_sites, *py_deques;
int ys_read_protocol(void);
/* A Python function of a module, called with n arguments; NULL with the exception set. */
PyObject *ys_call(PyObject *module, const char *name, PyObject *const *args, size_t n);
PyObject *ys_call_fn(PyObject *fn, PyObject *const *args, size_t n);

/* ---- events.c: the event buffers, the string table, the clock and the pause gate ---- */
extern long long n, nc;
extern int stale;
/* How a generator was resumed: a string of the run's table, interned on first use. */
typedef struct {
  const char *text;
  PyObject *str;
  int32_t index;
  unsigned run;
} Literal;
int32_t ys_literal(Literal *);
int32_t ys_str(PyObject *text);
int32_t ys_value(PyObject *value);
int32_t ys_repr(PyObject *value);
/* Records an event with its first `count` fields (the others are null). */
int ys_emit(int kind, int32_t obj, int32_t line, const int32_t *fields, int count);
int ys_flush(void);
int ys_hold(void);
double ys_clock(void);
void ys_skip_clock(double since);
/* the gen.resume to come: how and with which value (string indexes; -1: none pending) */
extern int32_t pending_via, pending_value;
/* The value the last resumed generator received: one it delegates to at once (yield from, await:
 * no line runs between) receives it too. */
extern int32_t passed;
extern int32_t closed_during;
int ys_stopped(int32_t obj, int32_t line);
int ys_start(PyObject *sink, PyObject *waiter, long long limit);
extern unsigned run_number;

/* ---- columns.c: the events since the last flush, as the trace's columns ---- */
void ys_columns_reset(void);
int ys_put(int kind, int32_t obj, int32_t line, double t_ns, int timed, const int32_t *fields, int count);
int ys_last_timed(void);
void ys_restamp_last(double t_ns);
size_t ys_columns_pending(void);
int ys_put_string(const char *utf8, size_t len);
size_t ys_strings_pending(void);
/* Hands the events and new strings to the sink: how many events it took (and strings, in
 * *strings_sent), or -1 (then they stay, to go out again). */
long long ys_columns_send(PyObject *sink, long long first, long long string_base, long long *strings_sent);

/* ---- ids.c: object ids ---- */
int32_t ys_new_id(void);
int32_t ys_known(PyObject *);
int32_t ys_oid(PyObject *);
/* A generator's id as the monitoring callbacks look it up: also one dying since the last tick. */
int32_t ys_gen_id(PyObject *gen, int dying_too);
void ys_forget_dead(void);
void ys_reset_ids(void);
int32_t ys_register_gen(PyObject *gen, int32_t line);
int ys_read_generator_types(void);
extern PyTypeObject *generator_type;
int ys_is_generator_kind(PyObject *o);

/* ---- code.c: the program's code objects ---- */
typedef struct {
  int32_t *lines; /* source line of each code unit */
  uint8_t *ops;   /* the code's instructions (co_code), to read a caller's */
  int units;
  int generator;  /* a generator, coroutine or async generator's code */
  int awaiting;   /* a coroutine or async generator's code */
} CodeInfo;
CodeInfo *ys_code_info(PyObject *code);
int32_t ys_line_at(CodeInfo *, int offset);
int32_t ys_program_line(PyFrameObject *frame);
/* Counts the program's line and generator events: a library frame's program line holds until it changes. */
extern unsigned long long program_ran;
int ys_watch(PyObject *code);
int ys_instrument(PyObject *module_code, PyObject *callbacks);
int ys_uninstrument(void);
int ys_code_extra_index(void);
extern int op_send, op_for_iter;

/* ---- callbacks.c, sites.c, deque.c ---- */
extern PyMethodDef ys_callbacks[];
extern PyTypeObject *iterating_type;
int ys_make_iterating_type(void);
PyObject *ys_it(PyObject *, PyObject *const *, Py_ssize_t);
PyObject *ys_call_next(PyObject *, PyObject *const *, Py_ssize_t);
PyObject *ys_call_iter(PyObject *, PyObject *const *, Py_ssize_t);
PyObject *ys_make_deque_type(void);
extern PyObject *builtin_next, *builtin_iter;

static inline PyObject *ys_none(void) {
  Py_IncRef(Py_None);
  return Py_None;
}
#endif
