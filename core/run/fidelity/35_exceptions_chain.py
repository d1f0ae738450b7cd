class AppError(Exception):
    pass


def load(name):
    try:
        return {'a': 1}[name]
    except KeyError as e:
        raise AppError(f'cannot load {name}') from e


for name in ['a', 'b']:
    try:
        print('loaded', load(name))
    except AppError as e:
        print(type(e).__name__, e, '<-', type(e.__cause__).__name__, e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        [][1]
except IndexError as e:
    print('context:', type(e.__context__).__name__)
