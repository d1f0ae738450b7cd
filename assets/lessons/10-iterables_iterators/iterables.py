class Playlist:
    """An iterable: it keeps the songs, and makes a new iterator for every loop."""

    def __init__(self, *songs):
        self.songs = list(songs)

    def __iter__(self):
        return PlaylistIterator(self.songs)


class PlaylistIterator:
    """An iterator: it remembers where one pass over the songs has got to."""

    def __init__(self, songs):
        self.songs = songs
        self.index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.index >= len(self.songs):
            raise StopIteration
        song = self.songs[self.index]
        self.index += 1
        return song


mix = Playlist("intro", "verse", "outro")
for song in mix:
    print("first pass:", song)
for song in mix:
    print("second pass:", song)


class Squares:
    """No __iter__, only __getitem__: iter() indexes it 0, 1, 2, ... until IndexError."""

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i


print("squares:", list(Squares()))

try:
    iter(42)
except TypeError as error:
    print("iter(42):", error)

inbox = ["hello", "how are you", "", "never read"]


def take():
    return inbox.pop(0)


for message in iter(take, ""):
    print("read:", message)

from itertools import cycle

lights = cycle(["green", "yellow", "red"])
print("lights:", [next(lights) for _ in range(5)])

with open("songs.txt") as songs:
    for thing in [range(3), zip("ab", "xy"), enumerate("ab"), reversed([1, 2]), songs]:
        kind = "an iterator" if iter(thing) is thing else "an iterable"
        print(type(thing).__name__, "is", kind)

numbers = [1, 2, 3]
it = iter(numbers)
print("first pass:", list(it))
print("second pass:", list(it))
