import itertools


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(itertools.islice(fibonacci(), 12)))
print(list(itertools.takewhile(lambda n: n < 100, fibonacci())))
evens = (n for n in fibonacci() if n % 2 == 0)
print([next(evens) for _ in range(5)])
