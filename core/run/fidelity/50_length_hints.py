"""list() and tuple() ask what they consume for its length first: recorded, they must still ask it."""

asked = []


class Deck:
    """An iterable that notes each time its length is asked."""

    def __init__(self, cards):
        self.cards = cards

    def __iter__(self):
        return iter(self.cards)

    def __len__(self):
        asked.append('len')
        return len(self.cards)


class Countdown:
    """An iterator that notes each time its length hint is asked."""

    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n

    def __length_hint__(self):
        asked.append(f'hint {self.n}')
        return self.n


print(list(Deck(['a', 'b'])))
print(tuple(Countdown(3)))
print(sorted(Deck([3, 1, 2])))
print(sum(Deck([1, 2])))
print('asked:', asked)
