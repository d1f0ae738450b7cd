def careful():
    while True:
        try:
            yield 'working'
        except ValueError as e:
            print('handled', e)
            yield 'recovered'


g = careful()
print(next(g))
print(g.throw(ValueError('bad input')))
print(next(g))
try:
    g.throw(KeyError('unexpected'))
except KeyError as e:
    print('escaped', repr(e))
print(list(g))
