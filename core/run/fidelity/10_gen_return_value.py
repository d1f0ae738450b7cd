def tally():
    total = 0
    while True:
        value = yield
        if value is None:
            return total
        total += value


def collect(results):
    while True:
        result = yield from tally()
        results.append(result)


results = []
c = collect(results)
next(c)
for v in [1, 2, 3, None, 10, 20, None]:
    c.send(v)
print(results)
