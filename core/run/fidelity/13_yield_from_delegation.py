def inner(label):
    print(label, 'starts')
    yield label + '1'
    yield label + '2'
    return label.upper()


def outer():
    a = yield from inner('a')
    b = yield from inner('b')
    yield a + b


print(list(outer()))
