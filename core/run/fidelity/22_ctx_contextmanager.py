from contextlib import contextmanager


@contextmanager
def section(title):
    print('begin', title)
    try:
        yield title.lower()
    except ZeroDivisionError:
        print('recovered in', title)
    finally:
        print('end', title)


with section('Intro') as name:
    print('in', name)
with section('Maths'):
    print(1 / 0)
print('still running')
