from contextlib import contextmanager


@contextmanager
def logged(path):
    log = open(path, 'a')
    log.write('open\n')
    try:
        yield log
    finally:
        log.write('close\n')
        log.close()


def numbers(limit):
    for n in range(limit):
        yield n * n


with logged('events.log') as log:
    for square in numbers(4):
        log.write(f'{square}\n')
print(open('events.log').read().split())
