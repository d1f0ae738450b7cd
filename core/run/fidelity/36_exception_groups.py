def fail_all():
    raise ExceptionGroup('several', [ValueError('v'), TypeError('t'), ValueError('w')])


try:
    fail_all()
except* ValueError as group:
    print('values', [str(e) for e in group.exceptions])
except* TypeError as group:
    print('types', [str(e) for e in group.exceptions])
eg = ExceptionGroup('outer', [KeyError('k'), ExceptionGroup('inner', [OSError('o')])])
print(eg.subgroup(lambda e: isinstance(e, OSError)))
print(len(eg.exceptions))
