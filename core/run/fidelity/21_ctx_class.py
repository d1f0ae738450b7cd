class Tag:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print(f'<{self.name}>')
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print(f'</{self.name}>', exc_type.__name__ if exc_type else None)
        return self.swallow


with Tag('html') as upper:
    with Tag('body'):
        print('inside', upper)
with Tag('quiet', swallow=True):
    raise ValueError('swallowed')
print('after quiet')
try:
    with Tag('loud'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', e)
