class Retry(Exception):
    pass


def inner():
    attempt = 0
    while True:
        try:
            yield attempt
        except Retry:
            attempt += 1
            print('inner retries', attempt)
            if attempt == 2:
                return 'gave up'


def outer():
    result = yield from inner()
    print('outer saw', result)
    yield result


g = outer()
print(next(g))
print(g.throw(Retry))
print(g.throw(Retry))
