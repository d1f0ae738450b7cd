"""A repr, __str__, __iter__, __getattr__ and __hash__ of the program, each noting its calls: recording calls none of them."""
import builtins
from collections import deque
from dataclasses import dataclass
from random import random

calls = []


class Card:
    """A class whose repr notes each call and draws a random number: recording must not call it."""

    def __init__(self, rank):
        self.rank = rank

    def __repr__(self):
        calls.append(f'repr {self.rank}')
        return f'Card({self.rank}, {random():.3f})'


class Hand(deque):
    def __iter__(self):
        calls.append('iter')
        return super().__iter__()


class Fold(Exception):
    def __str__(self):
        calls.append('str')
        return 'folded'


class Table:
    """A context manager that notes every attribute it is asked for and does not have."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __getattr__(self, name):
        calls.append(f'getattr {name}')
        raise AttributeError(name)


class Total:
    """A callable that notes each time it is hashed: the program's own `sum`."""

    def __hash__(self):
        calls.append('hash')
        return 1

    def __call__(self, cards):
        return builtins.sum(cards)


@dataclass
class Bet:
    card: Card
    chips: int


def deal():
    yield Card(1)
    yield [Card(2), {'bet': Bet(Card(3), 5)}]
    yield Hand([Card(4)], maxlen=2)
    raise Fold('no')


try:
    for dealt in deal():
        pass
except Fold as e:
    print('caught', type(e).__name__)
with Table() as table:
    pass
sum = Total()
print(sum([3, 1, 2]))
hand = Hand([1, 2])
for card in iter(hand):
    pass
print('calls:', calls)
print('next random:', round(random(), 6))
