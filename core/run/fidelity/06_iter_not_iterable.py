for thing in [[1, 2], 'hi', 42, {'k': 1}]:
    try:
        print(type(thing).__name__, list(iter(thing)))
    except TypeError as e:
        print('not iterable:', e)
for x in 3.5:
    print(x)
