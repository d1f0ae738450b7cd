import inspect


def worker():
    print('state inside:', inspect.getgeneratorstate(g))
    yield 1
    yield 2


g = worker()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g))
