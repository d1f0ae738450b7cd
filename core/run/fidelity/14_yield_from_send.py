def echo():
    received = []
    while len(received) < 3:
        value = yield len(received)
        print('inner got', value)
        received.append(value)
    return received


def relay():
    result = yield from echo()
    print('relay result', result)
    yield 'done'


r = relay()
print(next(r))
print(r.send('x'))
print(r.send('y'))
print(r.send('z'))
