def countdown(n):
    print('starting')
    while n > 0:
        yield n
        n -= 1
    print('finished')
    return 'liftoff'


g = countdown(3)
print(next(g))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as stop:
    print('returned', stop.value)
print(list(countdown(2)))
