def resource():
    print('open')
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')


g = resource()
print(next(g))
g.close()
print('closed')


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'not closing'


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print('RuntimeError:', e)
